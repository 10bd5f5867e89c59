using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Dialects and vocabularies across files: brings in the embedded 2020-12 meta-schemas a compilation refers to, and
/// applies a custom meta-schema's $vocabulary. A vocabulary the meta-schema leaves out is not evaluated: its keywords
/// are annotations, as the specification says (only the validation vocabulary can be left out; the core and applicator
/// vocabularies are what makes a schema at all).
/// </summary>
internal static class Vocabularies
{
    /// <summary><paramref name="files"/> plus the embedded meta-schemas, when a schema refers to one no file defines.</summary>
    public static IEnumerable<SchemaFileSpec> WithMetaSchemas(IReadOnlyCollection<SchemaFileSpec> files)
    {
        var defined = new HashSet<string>(
            files.SelectMany(f => f.Nodes.Where(n => n.ResourcePointer.Length == 0).Select(n => n.ResourceUri))
                .Concat(files.Select(f => UriReference.SplitFragment(f.RetrievalUri).Uri)),
            StringComparer.Ordinal);
        var wanted = files.SelectMany(f => f.Nodes)
            .Where(n => !n.InsideUnknownKeyword)
            .SelectMany(n => new[] { n.Ref, n.DynamicRef, n.Dialect }.Where(r => r != null).Select(r => UriReference.Resolve(n.ResourceUri, r!)))
            .Select(uri => UriReference.SplitFragment(uri).Uri)
            .Any(uri => MetaSchemaLibrary.Contains(uri) && !defined.Contains(uri));
        return wanted ? files.Concat(MetaSchemaLibrary.Files.Where(meta => !defined.Contains(meta.RetrievalUri))) : files;
    }

    /// <summary>
    /// The file as its dialect reads it. <paramref name="metaSchema"/> finds the root node of a compilation resource by
    /// URI; a $schema that names no such resource is WPC009 and the file is read with every 2020-12 vocabulary.
    /// </summary>
    public static SchemaFileSpec ApplyDialect(SchemaFileSpec file, Func<string, SchemaNodeSpec?> metaSchema, List<DiagnosticInfo> diagnostics)
    {
        if (file.Nodes.Count == 0 || file.Nodes[0].Dialect is not { } dialect)
        {
            return file;
        }

        if (metaSchema(UriReference.SplitFragment(dialect).Uri) is not { } meta)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedDialect, file.Positions[0].Dialect ?? file.Positions[0].Node, dialect));
            return file;
        }

        return meta.Vocabularies is { } listed && !listed.Contains(MetaSchemaLibrary.ValidationVocabulary)
            ? file with { Nodes = file.Nodes.Select(node => Keywords.WithoutVocabulary(node, Keywords.Validation)).ToEquatableArray() }
            : file;
    }
}
