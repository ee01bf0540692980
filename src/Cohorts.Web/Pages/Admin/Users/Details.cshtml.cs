using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Admin.Users;

/// <summary>
/// One account, for an Admin (the /Admin folder convention): its roles, state and administration, what can be done
/// to it, and what Admins did to it. Each action is recorded in the same transaction as the change.
/// </summary>
public sealed class DetailsModel(UserManager<CohortsUser> users, SignInManager<CohortsUser> signIn, CohortsDbContext db,
    AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Administration { get; set; }

    public AccountView Account { get; private set; } = null!;
    public IReadOnlyList<AdministrationChoice> Administrations { get; private set; } = [];
    public IReadOnlyList<AccountAction> History { get; private set; } = [];
    public string? AdministrationLabel => Administrations.FirstOrDefault(a => a.Id == Account.AdministrationId)?.Label;

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Roles = [.. Account.Roles];
        Administration = AdministrationLabel;
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var actor = (await users.GetUserAsync(User))!;
        var chosen = Identity.Roles.All.Where(Roles.Contains).ToList();
        var current = Identity.Roles.All.Where((await users.GetRolesAsync(user)).Contains).ToList();
        if (chosen.Count == 0) ModelState.AddModelError(nameof(Roles), "Choisissez au moins un rôle.");
        var removesAdmin = current.Contains(Identity.Roles.Admin) && !chosen.Contains(Identity.Roles.Admin);
        if (removesAdmin && user.Id == actor.Id)
            ModelState.AddModelError(nameof(Roles), "Vous ne pouvez pas retirer votre propre rôle d'administrateur : un autre administrateur peut le faire.");
        if (!ModelState.IsValid) return await RedisplayAsync(id, cancellationToken);
        if (chosen.SequenceEqual(current)) return Done(id, "Les rôles n'ont pas changé.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (removesAdmin && !await AnotherActiveAdminAsync(user.Id, cancellationToken)) return await LastAdminAsync(id, cancellationToken);
        var result = await users.RemoveFromRolesAsync(user, current.Except(chosen));
        if (result.Succeeded) result = await users.AddToRolesAsync(user, chosen.Except(current));
        db.AccountActions.Add(new AccountAction(user.Id, AccountActionKind.RolesChanged, actor, clock.GetUtcNow(), string.Join(",", current), string.Join(",", chosen)));
        // A session reads its roles again only every 30 minutes (Sessions.PrincipalRefreshInterval): ending the
        // account's sessions is what makes a removed role unusable at once.
        if (result.Succeeded) result = await users.EndEverySessionAsync(user);
        if (!result.Succeeded) return await ChangedMeanwhileAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (user.Id == actor.Id) await signIn.RefreshSignInAsync(user);
        return Done(id, $"Les rôles {Display.Of(user.FullName)} sont enregistrés ; ses sessions ouvertes sont fermées.");
    }

    public async Task<IActionResult> OnPostDeactivateAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var actor = (await users.GetUserAsync(User))!;
        if (user.DeactivatedAt is not null) return Done(id, "Ce compte est déjà désactivé.");
        if (user.Id == actor.Id)
        {
            ModelState.AddModelError("", "Vous ne pouvez pas désactiver votre propre compte : un autre administrateur peut le faire.");
            return await RedisplayAsync(id, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.IsInRoleAsync(user, Identity.Roles.Admin) && !await AnotherActiveAdminAsync(user.Id, cancellationToken))
            return await LastAdminAsync(id, cancellationToken);
        user.DeactivatedAt = clock.GetUtcNow();
        db.AccountActions.Add(new AccountAction(user.Id, AccountActionKind.Deactivated, actor, clock.GetUtcNow()));
        // Saves the account with its new stamp: every open session of it is refused from its next request.
        if (!(await users.EndEverySessionAsync(user)).Succeeded) return await ChangedMeanwhileAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Done(id, $"Le compte {Display.Of(user.FullName)} est désactivé ; ses sessions ouvertes sont fermées.");
    }

    public async Task<IActionResult> OnPostReactivateAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        if (user.DeactivatedAt is null) return Done(id, "Ce compte est déjà actif.");
        user.DeactivatedAt = null;
        db.AccountActions.Add(new AccountAction(user.Id, AccountActionKind.Reactivated, (await users.GetUserAsync(User))!, clock.GetUtcNow()));
        if (!(await users.UpdateAsync(user)).Succeeded) return await ChangedMeanwhileAsync(id, cancellationToken);
        return Done(id, $"Le compte {Display.Of(user.FullName)} est réactivé : la personne peut de nouveau se connecter.");
    }

    public async Task<IActionResult> OnPostInvitationAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        if (user.DeactivatedAt is not null)
        {
            ModelState.AddModelError("", "Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.");
            return await RedisplayAsync(id, cancellationToken);
        }
        await emails.SendStaffWelcomeAsync(user, Identity.Roles.All.Where((await users.GetRolesAsync(user)).Contains));
        db.AccountActions.Add(new AccountAction(user.Id, AccountActionKind.InvitationSent, (await users.GetUserAsync(User))!, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, $"Une nouvelle invitation a été envoyée à {user.Email} : son lien permet de choisir un mot de passe.");
    }

    public async Task<IActionResult> OnPostAdministrationAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var choices = await AdministrationChoices.AllAsync(db, cancellationToken);
        var typed = Administration?.Trim() ?? "";
        var chosen = typed.Length == 0 ? null : AdministrationChoices.Match(choices, typed);
        if (typed.Length > 0 && chosen is null)
        {
            ModelState.AddModelError(nameof(Administration), "Choisissez une administration de la liste, ou laissez le champ vide.");
            return await RedisplayAsync(id, cancellationToken, choices);
        }
        if (chosen?.Id == user.AdministrationId) return Done(id, "L'administration n'a pas changé.");
        var before = choices.FirstOrDefault(c => c.Id == user.AdministrationId)?.Label;
        user.AdministrationId = chosen?.Id;
        db.AccountActions.Add(new AccountAction(user.Id, AccountActionKind.AdministrationChanged, (await users.GetUserAsync(User))!, clock.GetUtcNow(), before, chosen?.Label));
        if (!(await users.UpdateAsync(user)).Succeeded) return await ChangedMeanwhileAsync(id, cancellationToken);
        return Done(id, $"L'administration {Display.Of(user.FullName)} est enregistrée.");
    }

    /// <summary>
    /// Whether an active Admin other than this account remains. The Admin role's row is locked first, so that two
    /// Admins removing each other at the same moment cannot both see the other as the one who remains.
    /// </summary>
    private async Task<bool> AnotherActiveAdminAsync(string accountId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT id FROM roles WHERE normalized_name = {Identity.Roles.Admin.ToUpperInvariant()} FOR UPDATE", cancellationToken);
        return await db.Users.AnyAsync(u => u.Id != accountId && u.DeactivatedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Identity.Roles.Admin)), cancellationToken);
    }

    private async Task<IActionResult> LastAdminAsync(string id, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", "C'est le dernier compte administrateur actif : donnez d'abord le rôle Administrateur à un autre compte actif.");
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>Identity refuses to save an account changed since it was read (its concurrency stamp): nothing is saved.</summary>
    private async Task<IActionResult> ChangedMeanwhileAsync(string id, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", "Le compte vient d'être modifié par ailleurs : rien n'a été enregistré. Voici son état actuel ; recommencez si besoin.");
        return await RedisplayAsync(id, cancellationToken);
    }

    private RedirectToPageResult Done(string id, string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RedisplayAsync(string id, CancellationToken cancellationToken, IReadOnlyList<AdministrationChoice>? choices = null)
    {
        // A refused change is not applied: what was loaded for the handler is forgotten, and the page shows the account as saved.
        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken, choices) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken, IReadOnlyList<AdministrationChoice>? choices = null)
    {
        var now = clock.GetUtcNow();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new AccountView(u.Id, u.FirstName + " " + u.LastName, u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.EmailConfirmed, u.PasswordHash != null, u.LockoutEnd != null && u.LockoutEnd > now, u.DeactivatedAt, u.AdministrationId))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null) return false;
        Account = account;
        Administrations = choices ?? await AdministrationChoices.AllAsync(db, cancellationToken);
        History = await db.AccountActions.AsNoTracking().Where(a => a.AccountId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        return true;
    }

    public sealed record AccountView(string Id, string Name, string Email, List<string> Roles, bool Confirmed, bool HasPassword, bool LockedOut,
        DateTimeOffset? DeactivatedAt, int? AdministrationId)
    {
        public bool IsStaff => Roles.Any(Identity.Roles.Staff.Contains);
    }

    /// <summary>One line of the account's history, in French.</summary>
    public static string Describe(AccountAction action) => action.Kind switch
    {
        AccountActionKind.RolesChanged => $"Rôles modifiés : {RoleLabels(action.From)} → {RoleLabels(action.To)}",
        AccountActionKind.Deactivated => "Compte désactivé",
        AccountActionKind.Reactivated => "Compte réactivé",
        AccountActionKind.InvitationSent => "Invitation envoyée de nouveau",
        AccountActionKind.AdministrationChanged => $"Administration modifiée : {action.From ?? "aucune"} → {action.To ?? "aucune"}",
        _ => action.Kind.ToString(),
    };

    private static string RoleLabels(string? roles) =>
        string.IsNullOrEmpty(roles) ? "aucun" : string.Join(", ", roles.Split(',').Select(Identity.Roles.ToFrench));
}
