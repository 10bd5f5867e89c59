extern alias tool;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WooshPay.Contracts.Generator.Parsing;
using JsonValue = WooshPay.Contracts.Generator.Parsing.JsonValue;
using WooshPay.Contracts.Generator.Parsing.OpenApi;
using WooshPay.Contracts.Tests.Infrastructure;
using tool::WooshPay.Contracts.Tool.OpenApi;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>
/// OpenAPI documents written in YAML: the generator's reader gives the tree the JSON form gives (checked on YAML that
/// YamlDotNet writes from the JSON documents, Stripe's among them), the same generated code, and diagnostics at the
/// YAML's own line and column.
/// </summary>
public sealed class OpenApiYamlTests
{
    private const string SchemaUri = "https://wooshpay-contracts.example/openapi/wooshpay";

    [Theory]
    [InlineData("a: 1\nb: [x, 'y z', \"w\\n\"]\nc: {d: true, e: null}\n", """{"a":1,"b":["x","y z","w\n"],"c":{"d":true,"e":null}}""")]
    [InlineData("# head\nlist:\n- 1\n-   two # comment\n- - nested\n  - 2.50\nnext: ~\n", """{"list":[1,"two",["nested",2.50]],"next":null}""")]
    [InlineData("items:\n  - name: id\n    in: path\n  - {name: q, in: query}\n", """{"items":[{"name":"id","in":"path"},{"name":"q","in":"query"}]}""")]
    [InlineData("text: a plain\n  scalar over\n\n  three lines\nnum: 0x1F\noct: 0o17\nf: -.5e3\nv: 3.1.0\nk: +12\n", """{"text":"a plain scalar over\nthree lines","num":31,"oct":15,"f":-0.5e3,"v":"3.1.0","k":12}""")]
    [InlineData("lit: |\n  line 1\n    indented\n\n  line 3\nkeep: |+\n  x\n\nstrip: >-\n  folded\n  text\n\n  para\n", """{"lit":"line 1\n  indented\n\nline 3\n","keep":"x\n\n","strip":"folded text\npara"}""")]
    [InlineData("'quoted key': 'it''s'\n\"200\": \"a\\tb \\u00e9\\x41\"\n200: x\nmulti: \"one\n  two\"\n", """{"quoted key":"it's","200":"a\tb éA","200":"x","multi":"one two"}""")]
    [InlineData("---\nflow: [\n  a,\n  b, # c\n]\nempty:\nurl: http://x.example/a#b\ncolon: a:b\n...\n", """{"flow":["a","b"],"empty":null,"url":"http://x.example/a#b","colon":"a:b"}""")]
    public void The_reader_gives_the_JSON_value_of_the_YAML(string yaml, string json)
    {
        var parsed = YamlTextParser.Parse(yaml);

        Assert.True(parsed.Value is not null, parsed.Error);
        Assert.Equal(json, ToJson(parsed.Value!));
    }

    public static TheoryData<string> JsonDocuments() => new() { "3.1", "3.0", "stripe" };

    [Theory]
    [MemberData(nameof(JsonDocuments))]
    public void YAML_written_by_YamlDotNet_from_a_JSON_document_reads_back_as_that_document(string document)
    {
        var json = document switch
        {
            "3.1" => OpenApiExporter.Export(OpenApiVersion.V31).Json,
            "3.0" => OpenApiExporter.Export(OpenApiVersion.V30).Json,
            _ => StripeDocument.Text,
        };

        var parsed = YamlTextParser.Parse(ToYaml(json));

        Assert.True(parsed.Value is not null, parsed.Error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(ToJson(parsed.Value!))), "the YAML form reads as another value");
    }

    [Fact]
    public void The_YAML_form_of_the_exported_document_generates_the_code_the_JSON_form_generates()
    {
        var json = OpenApiExporter.Export(OpenApiVersion.V31).Json;
        var metadata = new Dictionary<string, string> { ["SchemaUri"] = SchemaUri };

        var fromJson = GeneratorHarness.Run(new[] { new SchemaInput("/project/wooshpay.openapi.json", json, metadata) });
        var fromYaml = GeneratorHarness.Run(new[] { new SchemaInput("/project/wooshpay.openapi.yaml", ToYaml(json), metadata) });

        Assert.Empty(fromYaml.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(fromJson.GeneratorDiagnostics.Select(d => d.Id), fromYaml.GeneratorDiagnostics.Select(d => d.Id));
        var expected = fromJson.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        // The XML docs name the file a type comes from; nothing else may differ.
        var actual = fromYaml.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString().Replace("(wooshpay.openapi.yaml)", "(wooshpay.openapi.json)"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        Assert.True(expected.Count > 20);
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ncomponents:\n  schemas:\n    a:\n      type: object\n     bad: 1\n", "WPC033", 5, 5, "unexpected indentation")]
    [InlineData("openapi: 3.1.0\ncomponents:\n\tschemas: {}\n", "WPC033", 2, 0, "tab")]
    [InlineData("openapi: 3.1.0\ninfo: {title: t\n", "WPC033", 2, 0, "end of text")]
    [InlineData("openapi: 3.1.0\ninfo:\n  title: \"t\n", "WPC033", 2, 9, "unterminated")]
    [InlineData("openapi: 3.1.0\ninfo: a: b\n", "WPC033", 1, 6, "mapping cannot start")]
    [InlineData("openapi: 3.1.0\ncomponents:\n  schemas:\n    a: &shared {type: string}\n    b: *shared\n", "WPC034", 3, 7, "anchors")]
    [InlineData("openapi: 3.1.0\ncomponents:\n  schemas:\n    a: !!str x\n", "WPC034", 3, 7, "tags")]
    [InlineData("openapi: 3.1.0\n---\nopenapi: 3.0.0\n", "WPC034", 1, 0, "second document")]
    [InlineData("openapi: 3.1.0\nx: .inf\n", "WPC034", 1, 3, "no JSON value")]
    [InlineData("openapi: 3.0\n", "WPC031", 0, 9, "not a string")]
    [InlineData("swagger: '2.0'\n", "WPC030", 0, 9, "convert it to OpenAPI 3 first")]
    [InlineData("openapi: 3.1.0\ncomponents:\n  schemas:\n    a:\n      $ref: '#/components/schemas/missing'\n", "WPC002", 4, 12, "missing")]
    public void A_bad_YAML_document_is_a_diagnostic_at_its_line_and_column(string yaml, string id, int line, int column, string messagePart)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/api.openapi.yml", yaml) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, d => d.Id == id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/api.openapi.yml", position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static string ToJson(JsonValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonValue value)
    {
        switch (value.Kind)
        {
            case JsonKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.Members)
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonKind.String: writer.WriteStringValue(value.Text); break;
            case JsonKind.Number: writer.WriteRawValue(value.Text!); break;
            case JsonKind.True: writer.WriteBooleanValue(true); break;
            case JsonKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    // Strings a plain YAML scalar would read as something else (YAML 1.2 core schema) must be quoted.
    private static readonly Regex s_nonString = new(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$");

    /// <summary>
    /// The YAML form of a JSON document as YamlDotNet's emitter writes it: block collections, arrays of scalars in flow
    /// style, multi-line strings as literal blocks and long ones folded, so the reader meets every common style.
    /// </summary>
    public static string ToYaml(string json)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: 80, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, JsonNode.Parse(json));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(StringScalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                var flow = array.Count == 0 || array.All(item => item is System.Text.Json.Nodes.JsonValue);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                var element = node.GetValue<JsonElement>();
                emitter.Emit(element.ValueKind == JsonValueKind.String
                    ? StringScalar(element.GetString()!)
                    : new Scalar(AnchorName.Empty, TagName.Empty, element.GetRawText(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static Scalar StringScalar(string value)
    {
        var style = s_nonString.IsMatch(value) ? ScalarStyle.DoubleQuoted
            : value.Contains('\n') ? ScalarStyle.Literal
            : value.Length > 60 ? ScalarStyle.Folded
            : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true);
    }
}
