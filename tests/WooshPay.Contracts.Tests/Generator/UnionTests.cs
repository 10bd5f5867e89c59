using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>
/// An anyOf/oneOf of references to object schemas that pin one shared property with distinct consts becomes an
/// object-typed property holding the model its value names, or the JsonElement when it names none of them.
/// </summary>
public sealed class UnionTests
{
    private const string Shapes = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Drawing",
          "type": "object",
          "properties": {
            "shape": { "oneOf": [ { "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/square" }, { "type": "object" } ] },
            "optional_shape": { "anyOf": [ { "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/square" }, { "type": "null" } ] },
            "shapes": { "type": "array", "items": { "anyOf": [ { "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/square" } ] } },
            "ambiguous": { "anyOf": [ { "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/disc" } ] }
          },
          "$defs": {
            "circle": { "type": "object", "properties": { "kind": { "const": "circle" }, "radius": { "type": "number" } } },
            "disc": { "type": "object", "properties": { "kind": { "const": "circle" }, "radius": { "type": "number" } } },
            "square": { "type": "object", "properties": { "kind": { "const": "square" }, "side": { "type": "number" } } }
          }
        }
        """;

    private static readonly Lazy<(GeneratorOutput Output, Type Drawing)> s_generated = new(() =>
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/drawing.schema.json", Shapes) });
        return (output, GeneratorHarness.Load(output.Compilation).GetType("WooshPay.Contracts.Drawing")!);
    });

    [Fact]
    public void The_schema_compiles_and_union_properties_are_typed_object()
    {
        var (output, drawing) = s_generated.Value;

        Assert.Empty(output.CompilationDiagnostics);
        Assert.Equal(typeof(object), drawing.GetProperty("Shape")!.PropertyType);
        Assert.Equal(typeof(object), drawing.GetProperty("OptionalShape")!.PropertyType);
        Assert.Equal(typeof(List<object>), drawing.GetProperty("Shapes")!.PropertyType);
    }

    [Fact]
    public void Branches_that_the_const_cannot_tell_apart_are_not_a_union_and_say_so()
    {
        var (output, drawing) = s_generated.Value;

        Assert.Equal(typeof(JsonElement?), drawing.GetProperty("Ambiguous")!.PropertyType);
        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC040", diagnostic.Id);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Each_value_is_read_as_the_model_its_discriminator_names_and_written_back_unchanged()
    {
        const string json = """
            {"shape":{"kind":"square","side":2},"optional_shape":null,"shapes":[{"kind":"circle","radius":1.5},{"kind":"square","side":3},{"kind":"hexagon","n":6}]}
            """;
        var drawing = Parse(json);

        Assert.Equal("WooshPay.Contracts.Square", Get(drawing, "Shape")!.GetType().FullName);
        Assert.Null(Get(drawing, "OptionalShape"));
        var shapes = (List<object>)Get(drawing, "Shapes")!;
        Assert.Equal(["WooshPay.Contracts.Circle", "WooshPay.Contracts.Square", typeof(JsonElement).FullName], shapes.Select(s => s.GetType().FullName));
        Assert.Equal("""{"kind":"hexagon","n":6}""", ((JsonElement)shapes[2]).GetRawText());

        var written = (string)drawing.GetType().GetMethod("ToJson")!.Invoke(drawing, [false])!;
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement), written);
    }

    [Fact]
    public void A_value_naming_no_branch_is_kept_whole_as_json()
    {
        var drawing = Parse("""{"shape":{"kind":"triangle","sides":[3,4,5]}}""");

        Assert.Equal("""{"kind":"triangle","sides":[3,4,5]}""", Assert.IsType<JsonElement>(Get(drawing, "Shape")).GetRawText());
    }

    private static object Parse(string json)
        => s_generated.Value.Drawing.GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;

    private static object? Get(object model, string property) => model.GetType().GetProperty(property)!.GetValue(model);
}
