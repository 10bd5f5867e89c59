using System.Text.RegularExpressions;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>The README's rule table is the catalogue: every rule, its audience, severity and whether the id is oasdiff's.</summary>
public sealed class ReadmeRulesTests
{
    [Fact]
    public void The_rule_table_lists_every_rule_as_the_catalogue_defines_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| `(?<id>[a-z-]+)` \| (?<for>request senders|response readers) \| (?<severity>info|warning|breaking) \| .* \| (?<oasdiff>same id|own id) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["id"].Value);
        Assert.Equal(ChangeRules.All.Count, rows.Count);
        foreach (var rule in ChangeRules.All)
        {
            var row = Assert.Contains(rule.Id, rows);
            Assert.Equal(ChangeReport.Audience(rule.Audience), row.Groups["for"].Value);
            Assert.Equal(rule.Severity.ToString().ToLowerInvariant(), row.Groups["severity"].Value);
            Assert.Equal(rule.FromOasdiff ? "same id" : "own id", row.Groups["oasdiff"].Value);
        }

        Assert.Contains($"The rules ({ChangeRules.All.Count}; {ChangeRules.All.Count(r => r.FromOasdiff)} reuse oasdiff's id", readme);
    }
}
