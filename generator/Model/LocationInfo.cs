using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// A place in a schema file, kept as plain data so pipeline values stay cacheable;
/// turned into a Roslyn <see cref="Location"/> only when a diagnostic is reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
