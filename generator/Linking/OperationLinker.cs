using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing.OpenApi;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Names, for each operation body of a document, the validator class and the model (or enum) the linker made of its
/// schema. The result holds names only, so it compares equal, and its source stays cached, while those names hold.
/// </summary>
internal static class OperationLinker
{
    public static OperationsEmitSpec? Link(OpenApiDocumentSpec document, LinkResult linked)
    {
        if (document.OperationsClassName is null)
        {
            return null;
        }

        // A component's root node is its resource: index 0 of the file spec made from it.
        var classes = new Dictionary<string, string>();
        foreach (var file in linked.SchemaFiles.Where(f => f.FilePath == document.FilePath && f.Nodes.Count > 0))
        {
            classes[file.Nodes[0].Node.ResourceUri] = file.ClassName;
        }

        var types = new Dictionary<SchemaNodeAddress, string>();
        foreach (var model in linked.Models)
        {
            types[model.Schema] = model.Name;
        }

        foreach (var enumType in linked.Enums)
        {
            types[enumType.Schema] = enumType.Name;
        }

        BodyEmitSpec? Body(OperationBodySpec? body)
        {
            if (body is null)
            {
                return null;
            }

            var schema = body.SchemaUri is not null && classes.TryGetValue(body.SchemaUri, out var name) ? name : null;
            var validator = body.ValidatorUri is not null && classes.TryGetValue(body.ValidatorUri, out var view) ? view : null;
            var model = schema is not null && types.TryGetValue(new SchemaNodeAddress(schema, 0), out var type) ? type : null;
            return new BodyEmitSpec(body.MediaType, body.Required, validator, model);
        }

        var operations = document.Operations.Select(o => new OperationEmitSpec(
            o.Name, o.OperationId, o.Method, o.Path, o.Summary, Body(o.Request),
            o.Responses.Select(r => new ResponseEmitSpec(r.Status, r.Description, Body(r.Body))).ToEquatableArray()) { Parameters = o.Parameters });
        return new OperationsEmitSpec(document.OperationsClassName, document.FilePath, document.Title, operations.ToEquatableArray());
    }
}
