using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages;

/// <summary>Every error, in French and without technical details (status code pages and the exception handler).</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page non trouvée",
        403 => "Accès refusé",
        400 => "Requête incorrecte",
        429 => "Trop de tentatives",
        _ => "Erreur inattendue",
    };

    public string Explanation => Code switch
    {
        404 => "La page que vous cherchez est introuvable. Vérifiez l'adresse ou revenez à l'accueil.",
        403 => "Vous n'avez pas le droit d'accéder à cette page.",
        400 => "La requête n'a pas pu être traitée. Si vous avez envoyé un formulaire, rechargez la page et recommencez.",
        429 => "Vous avez fait trop de tentatives en peu de temps. Patientez une minute puis recommencez.",
        _ => "Désolé, le service rencontre un problème. Nous y travaillons ; réessayez dans quelques instants.",
    };

    public void OnGet(int? code) => Code = code ?? StatusCodes.Status500InternalServerError;

    // Re-executed errors keep the method of the failed request.
    public void OnPost(int? code) => OnGet(code);
}
