using BenchmarkDotNet.Attributes;
using Cohorts.Web.Lists;

namespace Cohorts.Benchmarks;

/// <summary>The per-row and per-request code of the staff lists: a CSV cell, a search typed by staff.</summary>
[MemoryDiagnoser]
public class CodeBenchmarks
{
    [Benchmark]
    public string CsvCell() => Csv.Cell("Cheffe de projet; \"produit\"");

    [Benchmark]
    public string CsvFormulaCell() => Csv.Cell("=HYPERLINK(\"http://x\")");

    [Benchmark]
    public string NormalizeSearch() => SearchText.Normalize("  Inès   ÉCUYER-Lefèvre ");
}
