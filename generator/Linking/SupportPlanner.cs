using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>Decides which optional parts of the support code the emitted sources use (<see cref="SupportParts"/>).</summary>
internal static class SupportPlanner
{
    public static SupportParts Plan(
        IEnumerable<SchemaFileEmitSpec> files, IReadOnlyCollection<ModelTypeSpec> models, IReadOnlyCollection<EnumTypeSpec> enums, IEnumerable<CompiledFileSpec> compiled)
    {
        var parts = SupportParts.None;
        if (compiled.Any(file => file.IsCompiled))
        {
            parts |= SupportParts.CompiledValidation;
        }

        if (models.Count > 0 || enums.Count > 0)
        {
            parts |= SupportParts.Models;
        }

        if (models.Any(model => model.Alternatives is not null || model.Properties.Any(property => Uses(property.Type, TypeRefKind.Union))))
        {
            parts |= SupportParts.Unions;
        }

        if (models.Any(model => model.Properties.Any(property => Uses(property.Type, TypeRefKind.Expandable))))
        {
            parts |= SupportParts.Expandable;
        }

        // A format is checked whenever a node names it: ValidationOptions.AssertFormats can turn assertion on per call.
        foreach (var format in files.SelectMany(file => file.Nodes).Select(linked => linked.Node.Format).Where(f => f != null).Distinct())
        {
            parts |= format switch
            {
                "email" or "idn-email" or "hostname" or "idn-hostname" => SupportParts.Hostnames,
                "regex" => SupportParts.RegexFormat,
                _ => SupportParts.None,
            };
        }

        return parts;
    }

    /// <summary>The type is of <paramref name="kind"/>, or holds one as its list or map element (an expandable field's element is a model).</summary>
    private static bool Uses(TypeRefSpec type, TypeRefKind kind) => type.Kind == kind || (type.Element is { } element && Uses(element, kind));
}
