using Cohorts.Domain.Organisations;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

// Plain table names instead of Identity's "asp_net_*".
internal sealed class UserConfiguration : IEntityTypeConfiguration<CohortsUser>
{
    public void Configure(EntityTypeBuilder<CohortsUser> user)
    {
        user.ToTable("users");
        user.Property(u => u.FirstName).HasMaxLength(100).UseCollation(Collations.French);
        user.Property(u => u.LastName).HasMaxLength(100).UseCollation(Collations.French);
        // Name, then address: a search finds "camille durand", "durand camille" or "camille@".
        user.Property<string>(SearchText.Column).HasMaxLength(3 * 100 + 256 + 3)
            .HasComputedColumnSql(SearchText.Sql("first_name || ' ' || last_name || ' ' || first_name || ' ' || coalesce(email, '')"), stored: true);
        user.HasIndex(u => new { u.LastName, u.FirstName, u.Id });
        user.HasOne<Administration>().WithMany().HasForeignKey(u => u.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> role) => role.ToTable("roles");
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> userRole) => userRole.ToTable("user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> claim) => claim.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> login) => login.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> token) => token.ToTable("user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> claim) => claim.ToTable("role_claims");
}

internal sealed class AccountActionConfiguration : IEntityTypeConfiguration<AccountAction>
{
    public void Configure(EntityTypeBuilder<AccountAction> action)
    {
        action.ToTable("account_actions");
        action.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        action.Property(a => a.ActorName).HasMaxLength(300);
        action.Property(a => a.From).HasMaxLength(400);
        action.Property(a => a.To).HasMaxLength(400);
        action.HasOne<CohortsUser>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<CohortsUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.SetNull);
        action.HasIndex(a => new { a.AccountId, a.At });
    }
}
