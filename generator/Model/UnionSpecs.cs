namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// A value that is one of several generated classes, told apart by a string property: one every class pins with "const"
/// (such as "object": "payment_intent"; a value naming none of them stays a JsonElement), or an OpenAPI discriminator
/// (<see cref="ModelTypeSpec.Alternatives"/>; a value naming none of them is an error). One class may have several values.
/// </summary>
/// <param name="Discriminator">The JSON name of the telling property.</param>
/// <param name="Members">Each class and the discriminator value that selects it, in schema order.</param>
internal sealed record UnionSpec(string Discriminator, EquatableArray<UnionMemberSpec> Members);

/// <summary>One alternative of a union: the class <paramref name="TypeName"/> is read when the discriminator is <paramref name="Value"/>.</summary>
internal sealed record UnionMemberSpec(string Value, string TypeName);
