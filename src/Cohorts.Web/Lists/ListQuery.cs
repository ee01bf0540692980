using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace Cohorts.Web.Lists;

/// <summary>
/// Which page of a staff list, in which order, for which search, as read from the URL. Values are read as text
/// and anything odd (an unknown sort key, "-3" or "abc" as a page, a page past the end) falls back to the
/// default rather than failing: these URLs get bookmarked, shared and edited by hand.
/// </summary>
public sealed record ListQuery(string Search, string Sort, bool Descending, int PageNumber)
{
    public const int PageSize = 50;

    /// <summary>The names of the URL's parameters; "page" itself is Razor Pages' own route value.</summary>
    public const string SearchKey = "Search", SortKey = "Sort", OrderKey = "Order", PageKey = "PageNumber";

    public static ListQuery Read(HttpRequest request, IReadOnlyCollection<string> sortKeys)
    {
        var sort = request.Query[SortKey].ToString();
        var page = int.TryParse(request.Query[PageKey].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        return new ListQuery(
            SearchText.Normalize(request.Query[SearchKey].ToString()),
            sortKeys.Contains(sort) ? sort : sortKeys.First(),
            request.Query[OrderKey].ToString() == "desc",
            page);
    }

    /// <summary>The page asked for (the last one if it is past the end), with the count of rows and pages.</summary>
    public async Task<ListPage<T>> PageAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Min(PageNumber, pages);
        var rows = total == 0 ? [] : await ordered.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new ListPage<T>(rows, total, number, pages);
    }

    /// <summary>The same, of rows already in memory (a list computed over all its rows, such as the ranking).</summary>
    public ListPage<T> Page<T>(IReadOnlyList<T> ordered)
    {
        var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        var number = Math.Min(PageNumber, pages);
        return new ListPage<T>(ordered.Skip((number - 1) * PageSize).Take(PageSize).ToList(), ordered.Count, number, pages);
    }
}

public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Total, int PageNumber, int PageCount);

/// <summary>The links of a list: each keeps every filter of the current URL and changes only what it is for.</summary>
public sealed record ListLinks(string Path, IQueryCollection Query, ListQuery List, int PageNumber, int PageCount)
{
    public string Page(int number) => With((ListQuery.PageKey, number == 1 ? null : number.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Sorting by a column starts again from the first page; a second click on the same column reverses it.</summary>
    public string SortBy(string key) =>
        With((ListQuery.SortKey, key), (ListQuery.OrderKey, key == List.Sort && !List.Descending ? "desc" : null), (ListQuery.PageKey, null));

    /// <summary>The aria-sort value of a column header: only the sorted column carries one.</summary>
    public string? AriaSort(string key) => key == List.Sort ? List.Descending ? "descending" : "ascending" : null;

    public string With(params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pairs = Query.Where(q => !keys.Contains(q.Key) && !StringValues.IsNullOrEmpty(q.Value))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, StringValues>(c.Key, c.Value)));
        return Path + QueryString.Create(pairs).ToUriComponent();
    }
}

public static class ListOrdering
{
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : Queryable.OrderBy(query, key);

    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : Queryable.ThenBy(query, key);
}

/// <summary>A column header that sorts the list by its column (the _SortHeader partial).</summary>
public sealed record SortHeader(ListLinks Links, string Key, string Label);
