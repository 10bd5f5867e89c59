namespace WooshPay.Contracts.Generator.Model;

/// <summary>One operation of an OpenAPI document as the reader finds it: bodies refer to schema resources by URI.</summary>
/// <param name="Name">The C# name of the operation's class (from operationId, else method and path), unique in the document.</param>
internal sealed record OperationSpec(
    string Name,
    string? OperationId,
    string Method,
    string Path,
    string? Summary,
    OperationBodySpec? Request,
    EquatableArray<OperationResponseSpec> Responses)
{
    /// <summary>The parameters it declares, with those of its path (its own replace a path's of the same name and location).</summary>
    public EquatableArray<OperationParameterSpec> Parameters { get; init; } = EquatableArray<OperationParameterSpec>.Empty;
}

/// <summary>A declared parameter: its name, where it goes (<c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c>) and whether it must be sent.</summary>
internal sealed record OperationParameterSpec(string Name, string In, bool Required);

/// <summary>A request or response body: its media type and, for a JSON media type with a schema, that schema's resource URI.</summary>
/// <param name="ValidatorUri">The schema that validates the body: the schema itself, or its readOnly/writeOnly view for this direction.</param>
internal sealed record OperationBodySpec(string MediaType, bool Required, string? SchemaUri, string? ValidatorUri);

/// <summary>One declared response: its status key ("200", "4XX" or "default") and its body, if any.</summary>
internal sealed record OperationResponseSpec(string Status, string? Description, OperationBodySpec? Body);

/// <summary>A document's operations class ready to emit: bodies name the validator class and model type the linker chose.</summary>
internal sealed record OperationsEmitSpec(string ClassName, string FilePath, string? Title, EquatableArray<OperationEmitSpec> Operations);

internal sealed record OperationEmitSpec(
    string Name,
    string? OperationId,
    string Method,
    string Path,
    string? Summary,
    BodyEmitSpec? Request,
    EquatableArray<ResponseEmitSpec> Responses)
{
    public EquatableArray<OperationParameterSpec> Parameters { get; init; } = EquatableArray<OperationParameterSpec>.Empty;
}

/// <param name="ValidatorClass">The static class whose <c>Validate</c> checks the body; null when the body has no JSON schema.</param>
/// <param name="ModelType">The generated model or enum of the body's schema; null when it has none.</param>
internal sealed record BodyEmitSpec(string MediaType, bool Required, string? ValidatorClass, string? ModelType);

internal sealed record ResponseEmitSpec(string Status, string? Description, BodyEmitSpec? Body);
