using System.Text.RegularExpressions;
using Cohorts.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cohorts.BrowserTests;

/// <summary>The app on a real Kestrel port and Debian's Chromium, shared by every browser test (start ~3 s).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserApp App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright never downloads a browser here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        // Each page an address of its own for the sign-in rate limiter (10 a minute per address): a journey of six people
        // signing in one after the other would otherwise eat the allowance of the tests that follow.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, Locale = "fr-FR", TimezoneId = "Europe/Paris",
            ExtraHTTPHeaders = new Dictionary<string, string> { [ClientAddressFromHeader.Header] = ClientAddressFromHeader.NewAddress() },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

public sealed class BrowserApp() : CohortsApp("cohorts_test_browser", kestrel: true);

[CollectionDefinition(Name)]
public sealed class BrowserFixtureGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class Journeys
{
    /// <summary>Signs in through the sign-in page, as a person does, and waits for the header to name them.</summary>
    public static async Task SignInAsync(this IPage page, string email, string shownName)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(ApplicationScenario.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#utilisateur")).ToHaveTextAsync(shownName);
    }
}

public static class Accessibility
{
    /// <summary>
    /// HTML validity errors that axe does not report, in the page as served (before scripts change it): ARIA naming on
    /// a div or span with no role, an autocomplete value that does not fit an email field.
    /// </summary>
    private static readonly Regex[] InvalidMarkup =
    [
        new("<(?:div|span)\\b(?=[^>]*\\baria-label(?:ledby)?=)(?![^>]*\\brole=)[^>]*>", RegexOptions.Compiled),
        new("<input\\b(?=[^>]*\\btype=\"email\")(?=[^>]*\\bautocomplete=\"(?!(?:email|off|on)\")[^\"]*\")[^>]*>", RegexOptions.Compiled),
    ];

    private static readonly Regex PostForm = new("<form\\b[^>]*\\bmethod=\"post\"[^>]*>(?<body>.*?)</form>",
        RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.IgnoreCase);

    /// <summary>Runs axe in the page; fails on any violation of impact serious or critical, naming them.</summary>
    /// <remarks>With COHORTS_SCREENSHOTS set to a folder, each checked page is also saved there as a PNG, to look at.</remarks>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        if (Environment.GetEnvironmentVariable("COHORTS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:HHmmssfff}-{new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '_')}.png";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
        var served = await (await page.Context.APIRequest.GetAsync(page.Url)).TextAsync();
        var invalid = InvalidMarkup.SelectMany(rule => rule.Matches(served)).Select(m => m.Value).ToList();
        Assert.True(invalid.Count == 0, $"Invalid HTML on {page.Url}:\n" + string.Join("\n", invalid));
        // A form posted without its antiforgery token answers 400 in a browser, while a test client that lifts any token
        // of the page would not notice: every POST form carries its own.
        var unprotected = PostForm.Matches(served).Where(m => !m.Groups["body"].Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
            .Select(m => m.Value[..Math.Min(m.Value.Length, 200)]).ToList();
        Assert.True(unprotected.Count == 0, $"POST forms without an antiforgery token on {page.Url}:\n" + string.Join("\n", unprotected));
        // Frames are left out: the mail journal shows an email in a frame sandboxed without scripts, where axe cannot run
        // (it would wait for it forever); the frame element itself is still checked, and the email is not the app's page.
        AxeResult result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Select(n => $"{string.Join(" ", n.Target)}: {n.Html}"))})")));
    }
}
