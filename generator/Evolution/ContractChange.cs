using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Evolution;

/// <summary>
/// One schema file of a contract version, already parsed. Where it came from (a folder, a baseline
/// AdditionalFile, an OpenAPI component) is the reader's business; the diff only sees these.
/// </summary>
/// <param name="Name">What pairs the old and the new version of a file: its path relative to the contract root.</param>
/// <param name="Spec">The parsed file.</param>
internal sealed record ContractDocument(string Name, SchemaFileSpec Spec)
{
    /// <summary>
    /// Request schemas are the files named <c>*.request.schema.json</c> or titled <c>...Request</c>;
    /// every other schema is read in responses.
    /// </summary>
    public ChangeAudience Audience
    {
        get
        {
            if (Name.EndsWith(".request.schema.json", System.StringComparison.OrdinalIgnoreCase))
            {
                return ChangeAudience.RequestSenders;
            }

            var title = Spec.Nodes.Count > 0 ? Spec.Nodes[0].Title : null;
            return title != null && title.EndsWith("Request", System.StringComparison.Ordinal)
                ? ChangeAudience.RequestSenders
                : ChangeAudience.ResponseReaders;
        }
    }
}

/// <summary>Where a change stands in one version: the schema's JSON Pointer and its place in the file.</summary>
internal sealed record ChangePlace(string Pointer, LocationInfo Location)
{
    /// <summary>1-based line of the schema in its file.</summary>
    public int Line => Location.LineSpan.Start.Line + 1;

    /// <summary>1-based column of the schema in its file.</summary>
    public int Column => Location.LineSpan.Start.Character + 1;
}

/// <summary>
/// One difference between two contract versions, classified by a <see cref="ChangeRule"/>.
/// <see cref="New"/> is the changed schema in the new version or, for a removal, its nearest surviving parent.
/// </summary>
/// <param name="Document">The schema file's name (see <see cref="ContractDocument.Name"/>).</param>
/// <param name="Rule">What kind of change it is.</param>
/// <param name="Subject">The property path the change is about, such as <c>payment_method_options.card</c> ("(root)" for the schema itself).</param>
/// <param name="Detail">What changed, with the old and the new value.</param>
/// <param name="Old">The schema in the old version (for an addition, its parent there).</param>
/// <param name="New">The schema in the new version (for a removal, its nearest surviving parent).</param>
internal sealed record ContractChange(ChangeRule Rule, string Document, string Subject, string Detail, ChangePlace? Old, ChangePlace? New)
{
    public string Message => Subject + ": " + Detail;
}
