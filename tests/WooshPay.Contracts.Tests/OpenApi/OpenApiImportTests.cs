extern alias tool;
using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using tool::WooshPay.Contracts.Tool.OpenApi;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>OpenAPI documents as generator inputs: components become models, enums and validators; bad documents are diagnostics.</summary>
public sealed class OpenApiImportTests
{
    private static GeneratorOutput Generate(string text, string path = "/project/api.openapi.json")
        => GeneratorHarness.Run(new[] { new SchemaInput(path, text) });

    [Fact]
    public void The_exported_31_document_gives_the_models_and_enums_the_schemas_give()
    {
        var fromDocument = Generate(OpenApiExporter.Export(OpenApiVersion.V31).Json);

        Assert.Empty(fromDocument.GeneratorDiagnostics);
        Assert.Empty(fromDocument.CompilationDiagnostics);
        var imported = PublicApi(fromDocument.Compilation);
        var standalone = PublicApi(ContractSchemas.Output.Compilation);

        // The document adds its operations (WooshPayApi and an entry per operation); the schemas have none.
        var operations = imported.Keys.Where(name => name.StartsWith("WooshPay.Contracts.WooshPayApi", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, operations.Count);
        operations.ForEach(name => imported.Remove(name));

        // Models and enums are the same types with the same members.
        Assert.Equal(
            standalone.Where(t => !IsValidatorClass(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\n" + t.Value),
            imported.Where(t => !IsValidatorClass(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\n" + t.Value));

        // Every validator class of a schema file is there too (the shared-definitions file is not a component); a
        // lifted $defs entry that is no type of its own (Currency, Amount...) has a validator class besides.
        var missing = standalone.Keys.Where(IsValidatorClass).Except(imported.Keys).ToList();
        Assert.Equal(new[] { "WooshPay.Contracts.WooshPayCommonSchema" }, missing);
        Assert.All(standalone.Keys.Where(IsValidatorClass).Except(missing), name => Assert.Equal(standalone[name], imported[name]));
    }

    [Fact]
    public void The_exported_30_document_gives_the_models_and_enums_the_31_document_gives_but_for_its_one_value_enums()
    {
        var from30 = PublicApi(Generate(OpenApiExporter.Export(OpenApiVersion.V30).Json).Compilation);
        var from31 = PublicApi(Generate(OpenApiExporter.Export(OpenApiVersion.V31).Json).Compilation);

        // 3.0 has no const: the export writes each (the objects' "object": "payment_intent"...) as an enum of one value, which
        // is an extensible enum type of its own where 3.1 has a string. Nothing else differs: allOf-wrapped references (3.0's
        // way to annotate a $ref) and nullable wrappers have the types 3.1's plain references have.
        var oneValueEnums = from30.Keys.Where(k => !from31.ContainsKey(k) && !k.EndsWith(".Converter", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, oneValueEnums.Count);
        Assert.All(oneValueEnums, name => Assert.EndsWith("Object", name, StringComparison.Ordinal));
        string AsString(string members) => string.Join("\n", members.Split('\n')
            .Select(member => oneValueEnums.Aggregate(member, (text, name) => text.Replace(name + " ", "string ", StringComparison.Ordinal)))
            .OrderBy(member => member, StringComparer.Ordinal));
        Assert.Equal(
            from31.Where(t => !IsValidatorClass(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\n" + t.Value),
            from30.Where(t => !IsValidatorClass(t.Key) && !oneValueEnums.Any(name => t.Key.StartsWith(name, StringComparison.Ordinal)))
                .OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\n" + AsString(t.Value)));
    }

    [Theory]
    [InlineData("payment_intent.create.web.response.json", "PaymentIntentSchema")]
    [InlineData("checkout.session.create.response.json", "CheckoutSessionSchema")]
    [InlineData("refund.create.request.json", "RefundCreateRequestSchema")]
    [InlineData("checkout.session.create.request.json", "CheckoutSessionCreateRequestSchema")]
    public void The_exported_30_document_generates_cleanly_and_its_validators_accept_the_canonical_samples(string sample, string schemaClass)
    {
        var output = Generate(OpenApiExporter.Export(OpenApiVersion.V30).Json);

        Assert.Empty(output.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), schemaClass);
        var (isValid, errors, _) = validator.Validate(File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", sample)));
        Assert.True(isValid, string.Join("; ", errors));
    }

    [Fact]
    public void OpenApi_30_nullable_and_boolean_exclusive_bounds_mean_what_they_mean_in_30()
    {
        var output = Generate("""
            { "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "charge": { "type": "object", "required": ["amount", "note", "kind"], "x-stripeResource": { "class_name": "Charge" },
                  "properties": {
                    "amount": { "type": "integer", "minimum": 0, "exclusiveMinimum": true, "description": "Amount." },
                    "note": { "type": "string", "nullable": true, "example": "hi", "description": "Note." },
                    "kind": { "type": "string", "enum": ["a", "b"], "nullable": true, "description": "Kind." },
                    "source": { "nullable": true, "allOf": [{ "$ref": "#/components/schemas/source" }], "description": "Source." } } },
                "source": { "type": "object", "properties": { "id": { "type": "string", "description": "Id." } } } } } }
            """);

        Assert.Empty(output.GeneratorDiagnostics);
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "ChargeSchema");
        Assert.True(validator.Validate("""{ "amount": 1, "note": null, "kind": null, "source": null }""").IsValid);
        Assert.True(validator.Validate("""{ "amount": 1, "note": "x", "kind": "a", "source": { "id": "s" } }""").IsValid);
        var errors = validator.Validate("""{ "amount": 0, "note": 3, "kind": "c", "source": { "id": 1 } }""").Errors;
        // "/source": the anyOf of the object and null fails as a whole, "/source/id" says why.
        Assert.Equal(new[] { "/amount", "/kind", "/note", "/source", "/source/id" }, errors.Select(e => e.InstanceLocation).Distinct().OrderBy(p => p, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "swagger": "2.0", "info": {} }""", "WPC030", 0, 13, "convert it to OpenAPI 3 first")]
    [InlineData("""{ "info": {} }""", "WPC031", 0, 0, "no 'openapi' member")]
    [InlineData("""{ "openapi": "4.0.0" }""", "WPC031", 0, 13, "'4.0.0'")]
    [InlineData("{ \"openapi\": \"3.1.0\",\n  \"components\": { \"schemas\": { \"a\": { \"$ref\": \"#/components/schemas/missing\" } } } }", "WPC002", 1, 46, "missing")]
    [InlineData("{ \"openapi\": \"3.1.0\",\n  \"components\": { ", "WPC001", 1, 18, "")]
    public void A_bad_document_is_a_diagnostic_at_its_line_and_column(string text, string id, int line, int column, string messagePart)
    {
        var output = Generate(text);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, d => d.Id == id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/api.openapi.json", position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static bool IsValidatorClass(string name) => name.EndsWith("Schema", StringComparison.Ordinal);

    /// <summary>Each public type of the generated namespace (support types aside) with its public members' signatures.</summary>
    private static Dictionary<string, string> PublicApi(Compilation compilation)
    {
        var ns = compilation.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "WooshPay").GetNamespaceMembers().Single(n => n.Name == "Contracts");
        return ns.GetTypeMembers()
            .Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .SelectMany(t => new[] { t }.Concat(t.GetTypeMembers().Where(n => n.DeclaredAccessibility == Accessibility.Public)))
            .ToDictionary(
                t => t.ToDisplayString(),
                t => string.Join("\n", t.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.ToDisplayString(s_signature)).OrderBy(s => s, StringComparer.Ordinal)));
    }

    /// <summary>A member with its modifiers, type, parameters and nullability: two members display alike only when they are alike.</summary>
    private static readonly SymbolDisplayFormat s_signature = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
}
