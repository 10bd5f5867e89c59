using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Generator;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>The pipeline caches: unrelated settings and files regenerate nothing, a schema edit redoes only what depends on it.</summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] s_trackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void An_unrelated_build_property_or_additional_file_reruns_the_readers_but_regenerates_nothing()
    {
        var schemas = ContractSchemas.Inputs();
        var first = GeneratorHarness.Run(schemas, new Dictionary<string, string> { ["build_property.Configuration"] = "Debug" });
        var withNotes = schemas.Append(new SchemaInput("/project/notes.txt", "not a schema")).ToList();

        var second = GeneratorHarness.Run(withNotes, new Dictionary<string, string> { ["build_property.Configuration"] = "Release" },
            previous: first.Driver, compilation: (CSharpCompilation)RemoveGenerated(first.Compilation)).RunResult;

        var steps = TrackedSteps(second).ToList();
        // The settings reader saw new options and ran again (the driver hands over every file anew, so the file
        // readers and parsers run again too); their values compare equal, so linking and every output is cached.
        Assert.Contains(steps, s => s.Name == TrackingNames.Options && s.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Contains(steps, s => s.Name == TrackingNames.Parse && s.Reason == IncrementalStepRunReason.New);
        foreach (var (name, reason) in steps.Where(s => s.Name is not (TrackingNames.SchemaFiles or TrackingNames.Parse)))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason}");
        }
    }

    [Fact]
    public void Editing_one_schema_reruns_only_what_depends_on_it()
    {
        var schemas = ContractSchemas.Inputs().ToList();
        var first = GeneratorHarness.Run(schemas);
        var refundIndex = schemas.FindIndex(s => s.Path.EndsWith("refund.create.request.schema.json", StringComparison.Ordinal));
        schemas[refundIndex] = schemas[refundIndex] with
        {
            Text = schemas[refundIndex].Text.Replace("in full or in part.", "in full or in part (edited)."),
        };
        Assert.Contains("(edited)", schemas[refundIndex].Text);

        var second = GeneratorHarness.Run(schemas, previous: first.Driver, compilation: (CSharpCompilation)RemoveGenerated(first.Compilation)).RunResult;
        var result = second.Results.Single();

        var parse = result.TrackedSteps[TrackingNames.Parse];
        Assert.Equal(schemas.Count, parse.Length);
        Assert.Equal(schemas.Count - 1, parse.Count(s => s.Outputs.All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)));

        // Generated classes of the other schemas are reported Unchanged, so their sources are not re-emitted.
        var classes = result.TrackedSteps[TrackingNames.SchemaClasses].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(schemas.Count, classes.Count);
        Assert.Equal(schemas.Count - 1, classes.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        // Of the models, only RefundCreateRequest (whose documentation is the edited description) changes.
        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        var modified = models.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        Assert.NotEmpty(models);
        var changed = Assert.Single(modified);
        Assert.Equal("RefundCreateRequest", ((WooshPay.Contracts.Generator.Model.ModelTypeSpec)changed.Value).Name);
    }

    [Fact]
    public void Moving_text_in_a_schema_does_not_regenerate_anything()
    {
        var schemas = ContractSchemas.Inputs().ToList();
        var first = GeneratorHarness.Run(schemas);
        schemas[0] = schemas[0] with { Text = "\n\n" + schemas[0].Text };

        var second = GeneratorHarness.Run(schemas, previous: first.Driver, compilation: (CSharpCompilation)RemoveGenerated(first.Compilation)).RunResult;

        var result = second.Results.Single();
        foreach (var step in new[] { TrackingNames.SchemaClasses, TrackingNames.Models, TrackingNames.Enums })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }
    }

    [Fact]
    public void Moving_text_in_an_openapi_document_with_a_discriminator_does_not_regenerate_its_hierarchy()
    {
        const string document = """
            { "openapi": "3.1.0", "components": { "schemas": {
              "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                "discriminator": { "propertyName": "petType", "mapping": { "cat": "Cat" } } },
              "Cat": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } },
              "Dog": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } } } } }
            """;
        var first = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.json", document) });
        var models = first.RunResult.Results.Single().TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => (WooshPay.Contracts.Generator.Model.ModelTypeSpec)o.Value).ToList();
        Assert.Contains(models, m => m.Alternatives is not null);
        Assert.Contains(models, m => m.BaseType == "Pet");

        var second = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.json", "\n\n" + document.Replace("\"oneOf\"", "\n  \"oneOf\"")) },
            previous: first.Driver, compilation: (CSharpCompilation)RemoveGenerated(first.Compilation)).RunResult;

        var result = second.Results.Single();
        foreach (var step in new[] { TrackingNames.SchemaClasses, TrackingNames.Models })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }
    }

    [Fact]
    public void Moving_text_moves_the_name_and_size_diagnostics_but_regenerates_nothing()
    {
        var values = string.Join(", ", Enumerable.Range(0, 1_100).Select(i => $"\"v{i}\""));
        var schemas = new List<SchemaInput>
        {
            new("/project/paiement.schema.json", "{\"title\": \"Paiement💰\", \"type\": \"object\", \"properties\": {\"code\": {\"enum\": [" + values + "]}}}"),
            new("/project/string.schema.json", "{\"title\": \"String\", \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}"),
        };
        var first = GeneratorHarness.Run(schemas);
        var moved = schemas.Select(s => s with { Text = "\n\n" + s.Text }).ToList();

        var second = GeneratorHarness.Run(moved, previous: first.Driver, compilation: (CSharpCompilation)RemoveGenerated(first.Compilation));

        var result = second.RunResult.Results.Single();
        foreach (var step in new[] { TrackingNames.SchemaClasses, TrackingNames.Models, TrackingNames.Enums, TrackingNames.CompiledValidators })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }

        Assert.Equal(new[] { "WPC020", "WPC021", "WPC022" }, second.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.All(second.GeneratorDiagnostics, d => Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(first.GeneratorDiagnostics, d => Assert.Equal(0, d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void No_pipeline_value_holds_a_compilation_symbol_or_syntax_node()
    {
        // With an OpenAPI document too, so that its steps run.
        var openApi = new SchemaInput("/project/extra.openapi.json",
            """{ "openapi": "3.1.0", "components": { "schemas": { "extra_thing": { "type": "object", "properties": { "id": { "type": "string" } } } } } }""");
        var run = GeneratorHarness.Run(ContractSchemas.Inputs().Append(openApi)).RunResult.Results.Single();
        Assert.Equal(s_trackedSteps.OrderBy(n => n), run.TrackedSteps.Keys.Where(s_trackedSteps.Contains).OrderBy(n => n));

        foreach (var (name, steps) in run.TrackedSteps.Where(kv => s_trackedSteps.Contains(kv.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static IEnumerable<(string Name, IncrementalStepRunReason Reason)> TrackedSteps(GeneratorDriverRunResult run)
        => run.Results.Single().TrackedSteps
            .Where(kv => s_trackedSteps.Contains(kv.Key))
            .SelectMany(kv => kv.Value.SelectMany(step => step.Outputs.Select(o => (kv.Key, o.Reason))));

    private static Compilation RemoveGenerated(Compilation compilation)
        => compilation.RemoveSyntaxTrees(compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)));

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 12 || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode, $"Step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen, depth + 1);
        }
    }
}
