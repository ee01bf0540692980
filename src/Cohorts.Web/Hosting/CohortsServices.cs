using System.Threading.RateLimiting;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.FormInput;
using Cohorts.Web.Identity;
using Cohorts.Web.Jobs;
using Cohorts.Web.Reminders;
using Cohorts.Web.Selection;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohorts.Web.Hosting;

public static class CohortsServices
{
    public const string MigrationsAssembly = "Cohorts.Migrations";
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddCohorts(this WebApplicationBuilder builder)
    {
        builder.Services.AddCohortsData(builder.Configuration);
        builder.Services.AddPagesAndAccess();
        builder.Services.Configure<MvcOptions>(FormBinding.Apply);
        builder.AddMail();
        builder.AddJobs();
        builder.Services.AddScoped<PublicLinks>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddSingleton<EndorsementLinks>();
        builder.Services.AddScoped<LifecycleEvents>();
        builder.Services.AddScoped<Offers>();
        builder.Services.AddScoped<Selection.InterviewInvitations>();
        builder.Services.AddReminders();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<CohortsDbContext>("database")
            .AddCheck<HangfireStorageHealthCheck>("hangfire");
        return builder;
    }

    /// <summary>Pages, who may open them, sign-in cookies and their sessions, anti-forgery and the rate limit of sign-in.</summary>
    private static void AddPagesAndAccess(this IServiceCollection services)
    {
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            pages.Conventions.AuthorizeFolder("/Management", Policies.Staff);
            // Staff pages of the catalogue (programs and their cohorts) sit with it; what each one shows is scoped by StaffScope.
            pages.Conventions.AuthorizeFolder("/Catalogue/Programs", Policies.Staff);
            pages.Conventions.AuthorizeFolder("/Applications", Policies.Candidate);
            // The line manager has no account: the signed link is the authorization.
            pages.Conventions.AllowAnonymousToPage("/Applications/Endorse");
            pages.Conventions.AllowAnonymousToPage("/Applications/Endorsed");
            pages.Conventions.AuthorizeFolder("/Documents");
            pages.Conventions.AddPageRoute("/Error", "/erreur/{code:int?}");
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Management))
            .AddPolicy(Policies.Candidate, p => p.RequireRole(Roles.Candidate))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/connexion";
            cookie.LogoutPath = "/deconnexion";
            cookie.AccessDeniedPath = "/acces-refuse";
            cookie.Cookie.Name = "cohorts.auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionValidator>());
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "cohorts.antiforgery");
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in and the pages that send emails: a few posts a minute per client address and page. The page is
            // the endpoint routing chose, not the raw path: /connexion, /CONNEXION and /connexion/ reach the same
            // page and must draw on one allowance.
            limits.AddPolicy(LoginRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter($"{http.Connection.RemoteIpAddress}|{http.GetEndpoint()?.DisplayName}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }

    /// <summary>The outbox, the templates, and where mail leaves: SMTP, or a folder in development.</summary>
    private static void AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations()
            .Validate(m => !string.IsNullOrEmpty(m.SmtpHost) || !string.IsNullOrEmpty(m.PickupDirectory),
                "Mail: set SmtpHost (production) or PickupDirectory (development).")
            .Validate(m => Enum.TryParse<MailKit.Security.SecureSocketOptions>(m.Security, true, out _),
                "Mail:Security is one of None, Auto, StartTls, SslOnConnect.")
            .ValidateOnStart();
        services.AddSingleton<EmailRenderer>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxDeliveryTrigger>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.SendsThroughSmtp
                ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
                : ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp));
    }

    /// <summary>Hangfire on the same PostgreSQL database (schema "hangfire"), and its server unless turned off.</summary>
    private static void AddJobs(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        services.AddScoped<DeliverEmailsJob>();
        services.AddHostedService<Emails.Delivery.DeliveryOnStart>();
        services.AddScoped<ExpireOffersJob>();
        services.AddScoped<PurgeMailBodiesJob>();
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(ConnectionString(configuration)),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // LISTEN/NOTIFY: a job enqueued by another node starts at once, not at the next poll.
                    EnableLongPolling = true,
                    // Fallback if the LISTEN connection drops (it is not re-opened: Hangfire.PostgreSql #410).
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                }));
        if (configuration.GetValue("Hangfire:Server", defaultValue: true))
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(2, Environment.ProcessorCount));
    }

    /// <summary>What every process that touches the database needs: the web app, and the migrator.</summary>
    public static IServiceCollection AddCohortsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<CohortsDbContext>((sp, options) =>
        {
            options.UseNpgsql(ConnectionString(configuration), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
                .UseSnakeCaseNamingConvention();
            // The dispatcher first: the delivery trigger must see the emails it writes.
            if (sp.GetService<DomainEventDispatcher>() is { } dispatcher) options.AddInterceptors(dispatcher);
            if (sp.GetService<OutboxDeliveryTrigger>() is { } trigger) options.AddInterceptors(trigger);
        });
        services.AddIdentity<CohortsUser, IdentityRole>(identity =>
            {
                PasswordRules.Apply(identity.Password);
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedEmail = true;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CohortsDbContext>()
            .AddSignInManager<CohortsSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordRules>();
        services.AddDataProtection().SetApplicationName("Cohorts").PersistKeysToDbContext<CohortsDbContext>();
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Cohorts")
        ?? throw new InvalidOperationException("ConnectionStrings:Cohorts is not set (environment variable ConnectionStrings__Cohorts).");
}

public static class Policies
{
    public const string Admin = "Admin";
    /// <summary>The management staff, <see cref="Roles.Management"/>.</summary>
    public const string Staff = "Staff";
    public const string Candidate = "Candidate";
    public const string Reviewer = "Reviewer";
}
