namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>
/// Where each schema file and each <c>$defs</c> entry lives in an exported document, and the
/// <c>$ref</c> that reaches it from there.
/// </summary>
/// <remarks>
/// Every file's root schema is a component named by its title, and every <c>$defs</c> entry a component of its own
/// (OpenAPI 3.0 has no <c>$defs</c>, and OpenAPI readers such as Microsoft.OpenApi resolve references to components
/// only, in 3.1 too): named by its <c>title</c>, else by its key, prefixed with the owning file's title unless the
/// file only holds shared definitions. These are the names the generator gives the same definitions. A file of
/// shared definitions only has no component of its own (it would be an empty schema).
/// </remarks>
internal sealed class ComponentNames
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private readonly Dictionary<string, ContractSchemaFile> _files;
    private readonly Dictionary<(string File, string Key), string> _definitionComponents = new();

    public ComponentNames(IReadOnlyList<ContractSchemaFile> files)
    {
        _files = files.ToDictionary(f => f.FileName, StringComparer.Ordinal);
        var taken = new HashSet<string>(files.Select(f => f.Title), StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (key, definition) in file.Root["$defs"]?.AsObject() ?? new System.Text.Json.Nodes.JsonObject())
            {
                var name = definition?["title"]?.GetValue<string>()
                    ?? (file.IsDefinitionsOnly ? "" : file.Title) + PascalCase(key);
                if (!taken.Add(name))
                {
                    throw new InvalidDataException($"Two schemas would both be the component '{name}' ({file.FileName}#/$defs/{key}).");
                }

                _definitionComponents[(file.FileName, key)] = name;
            }
        }
    }

    /// <summary>Every component: its key, and the schema file and <c>$defs</c> key (null for the file's root) it comes from.</summary>
    public IEnumerable<(string Name, ContractSchemaFile File, string? DefinitionKey)> Components()
    {
        foreach (var file in _files.Values.Where(f => !f.IsDefinitionsOnly).OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            yield return (file.Title, file, null);
        }

        foreach (var ((fileName, key), name) in _definitionComponents.OrderBy(e => e.Value, StringComparer.Ordinal))
        {
            yield return (name, _files[fileName], key);
        }
    }

    /// <summary>The <c>$ref</c> of a file's root schema.</summary>
    public string ReferenceToFile(string fileName) => ComponentsPrefix + _files[fileName].Title;

    /// <summary>The <c>$ref</c> of a <c>$defs</c> entry of a file.</summary>
    public string ReferenceToDefinition(string fileName, string key) => ComponentsPrefix + _definitionComponents[(fileName, key)];

    /// <summary>Rewrites a reference written in schema file <paramref name="ownerFile"/> to its place in the document.</summary>
    public string Rewrite(string ownerFile, string reference)
    {
        var hash = reference.IndexOf('#');
        var target = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? "" : reference.Substring(hash + 1);
        var fileName = target.Length == 0 ? ownerFile : target.Substring(target.LastIndexOf('/') + 1);
        if (!_files.ContainsKey(fileName))
        {
            throw new InvalidDataException($"{ownerFile}: the reference '{reference}' names no contract schema.");
        }

        const string definitions = "/$defs/";
        if (fragment.StartsWith(definitions, StringComparison.Ordinal))
        {
            var rest = fragment.Substring(definitions.Length);
            var slash = rest.IndexOf('/');
            var key = slash < 0 ? rest : rest.Substring(0, slash);
            return ReferenceToDefinition(fileName, key) + (slash < 0 ? "" : rest.Substring(slash));
        }

        return ReferenceToFile(fileName) + fragment;
    }

    private static string PascalCase(string key)
        => string.Concat(key.Split('_', '-', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
