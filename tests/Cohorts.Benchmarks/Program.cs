using BenchmarkDotNet.Running;
using Cohorts.Benchmarks;

// seed CONNECTION [COUNT] | load URL COHORT_ID [SECONDS] [WEB_PID] [RANKED_COHORT_ID] | mail CONNECTION WEB_DLL [COUNT] [WORKERS] [BATCH_SIZE] | code [BenchmarkDotNet arguments]
return args switch
{
    ["seed", var connection, ..] => await Seeder.RunAsync(connection, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    ["load", var url, var cohort, ..] => await LoadRunner.RunAsync(new Uri(url), int.Parse(cohort, System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : null,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : null),
    ["mail", var connection, var webDll, ..] => await MailBenchmark.RunAsync(connection, webDll,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : null,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : null),
    ["code", ..] => Run(args[1..]),
    _ => Usage(),
};

static int Run(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(CodeBenchmarks).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("Usage: Cohorts.Benchmarks seed CONNECTION [COUNT] | load URL COHORT_ID [SECONDS] [WEB_PID] [RANKED_COHORT_ID] | mail CONNECTION WEB_DLL [COUNT] [WORKERS] [BATCH_SIZE] | code [BenchmarkDotNet arguments]");
    return 2;
}
