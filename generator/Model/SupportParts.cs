namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// The optional parts of the support code (generator/Runtime) a compilation needs, decided by the linker from the
/// emit specs; the runtime emitter writes only these. None is the core every compilation with schemas gets: the node
/// graph and its interpreter (the error list of every Validate comes from it), results, JSON helpers and the formats
/// whose checks are small.
/// </summary>
[System.Flags]
internal enum SupportParts
{
    None = 0,

    /// <summary>The compiled validators' helpers: some schema file has a compiled pass.</summary>
    CompiledValidation = 1,

    /// <summary>Reading and writing models and enums (ContractJson): some type is generated.</summary>
    Models = 2,

    /// <summary>The union helpers: some generated property is a union, or some type is a closed hierarchy.</summary>
    Unions = 4,

    /// <summary>The host-name and e-mail formats with the IDNA rules and tables: some schema names one of them.</summary>
    Hostnames = 8,

    /// <summary>The "regex" format's ECMA-262 grammar and Unicode property names: some schema names it.</summary>
    RegexFormat = 16,

    /// <summary>Expandable&lt;T&gt; and its reading and writing: some generated property is an id-or-object field.</summary>
    Expandable = 32,
}
