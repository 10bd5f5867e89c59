namespace WooshPay.Contracts.Runtime;

/// <summary>The settings the generator writes into each consumer at build time; the tool validates with the package defaults.</summary>
internal static class ContractDefaults
{
    /// <summary>"format" is asserted, as in a consumer that keeps WooshPayContractsAssertFormats=true.</summary>
    public const bool AssertFormats = true;
}
