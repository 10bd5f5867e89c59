using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>The support code's optional parts are emitted where the schemas use them, and the output compiles without them.</summary>
public sealed class SupportEmissionTests
{
    private static readonly string[] s_hostnameFiles = ["Runtime.FormatChecker.Hostnames.g.cs", "Runtime.Idna.g.cs", "Runtime.IdnaTables.g.cs"];
    private static readonly string[] s_regexFiles = ["Runtime.EcmaRegexSyntax.g.cs", "Runtime.RegexPropertyNames.g.cs"];

    private static IReadOnlyList<string> HintNames(GeneratorOutput output) => output.Sources.Select(s => s.HintName).ToList();

    [Fact]
    public void The_contract_schemas_get_models_unions_and_compiled_helpers_but_no_host_name_or_regex_formats()
    {
        var names = HintNames(ContractSchemas.Output);

        Assert.Contains("Runtime.ContractJson.g.cs", names);
        Assert.Contains("Runtime.ContractUnion.g.cs", names);
        Assert.Contains("Runtime.CompiledValidation.g.cs", names);
        Assert.All(s_hostnameFiles.Concat(s_regexFiles), file => Assert.DoesNotContain(file, names));
    }

    [Fact]
    public void An_interpreted_validator_only_schema_gets_the_core_alone_and_compiles()
    {
        // unevaluatedProperties keeps the file on the interpreter, GenerateModels=false leaves no type to read or write.
        var schema = """{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Loose", "properties": {"a": {"format": "uri"}}, "unevaluatedProperties": false}""";
        var output = GeneratorHarness.Run([new SchemaInput("/project/loose.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" })]);
        var names = HintNames(output);

        Assert.Empty(output.CompilationDiagnostics);
        Assert.Contains("Runtime.SchemaValidator.g.cs", names);
        Assert.All(new[] { "Runtime.ContractJson.g.cs", "Runtime.ContractUnion.g.cs", "Runtime.CompiledValidation.g.cs" }.Concat(s_hostnameFiles).Concat(s_regexFiles),
            file => Assert.DoesNotContain(file, names));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "LooseSchema");
        Assert.False(validator.Validate("""{"a": "no scheme"}""").IsValid);
        Assert.False(validator.Validate("""{"b": 1}""").IsValid);
    }

    [Theory]
    [InlineData("email", "Hostnames")]
    [InlineData("idn-hostname", "Hostnames")]
    [InlineData("regex", "Regex")]
    public void A_schema_that_names_a_large_format_gets_its_checks(string format, string part)
    {
        var schema = $$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Named", "type": "string", "format": "{{format}}"}""";
        var output = GeneratorHarness.Run([new SchemaInput("/project/named.schema.json", schema)]);
        var names = HintNames(output);

        Assert.Empty(output.CompilationDiagnostics);
        Assert.All(part == "Hostnames" ? s_hostnameFiles : s_regexFiles, file => Assert.Contains(file, names));
        Assert.All(part == "Hostnames" ? s_regexFiles : s_hostnameFiles, file => Assert.DoesNotContain(file, names));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "NamedSchema");
        Assert.False(validator.Validate("\"a(b\"").IsValid, "a value that no checked format accepts must fail");
    }
}
