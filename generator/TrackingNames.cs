namespace WooshPay.Contracts.Generator;

/// <summary>Names of the pipeline steps, so tests can check what the incremental driver cached.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Parse = nameof(Parse);
    public const string OpenApiDocuments = nameof(OpenApiDocuments);
    public const string ParseOpenApi = nameof(ParseOpenApi);
    public const string Link = nameof(Link);
    public const string SchemaClasses = nameof(SchemaClasses);
    public const string Models = nameof(Models);
    public const string Enums = nameof(Enums);
    public const string CompiledValidators = nameof(CompiledValidators);
    public const string Operations = nameof(Operations);
}
