using System.Reflection;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>One error as the generated validator reports it, read through reflection from the loaded assembly.</summary>
public sealed record ReportedError(string InstanceLocation, string Keyword, string KeywordLocation, string AbsoluteKeywordLocation, string Message)
{
    public override string ToString() => $"{(InstanceLocation.Length == 0 ? "(root)" : InstanceLocation)}: {Message} ({Keyword} at {KeywordLocation})";
}

/// <summary>Calls a generated schema class's <c>Validate(string, ValidationOptions?)</c> in a loaded assembly.</summary>
public sealed class GeneratedValidator
{
    private readonly MethodInfo _validate;
    private readonly Type _optionsType;

    public GeneratedValidator(Assembly assembly, string schemaClassName, string ns = GeneratorHarness.DefaultNamespace)
    {
        var type = assembly.GetType(ns + "." + schemaClassName) ?? throw new InvalidOperationException($"No generated class {schemaClassName}");
        _optionsType = assembly.GetType(ns + ".Runtime.ValidationOptions")!;
        _validate = type.GetMethod("Validate", new[] { typeof(string), _optionsType })!;
    }

    public (bool IsValid, IReadOnlyList<ReportedError> Errors, string BasicOutput) Validate(
        string json, bool stopAtFirstError = false, bool? assertFormats = null, bool redactValues = false)
    {
        var result = Invoke(json, stopAtFirstError, assertFormats, redactValues);
        var resultType = result.GetType();
        var isValid = (bool)resultType.GetProperty("IsValid")!.GetValue(result)!;
        var errors = ((System.Collections.IEnumerable)resultType.GetProperty("Errors")!.GetValue(result)!)
            .Cast<object>()
            .Select(e => new ReportedError(
                Read(e, "InstanceLocation"), Read(e, "Keyword"), Read(e, "KeywordLocation"), Read(e, "AbsoluteKeywordLocation"), Read(e, "Message")))
            .ToList();
        var basic = (string)resultType.GetMethod("ToBasicOutputJson")!.Invoke(result, null)!;
        return (isValid, errors, basic);
    }

    /// <summary>Validates as <see cref="Validate"/> does, with default options, and returns the result's ErrorsTruncated.</summary>
    public bool ErrorsTruncated(string json)
    {
        var result = Invoke(json, stopAtFirstError: false, assertFormats: null, redactValues: false);
        return (bool)result.GetType().GetProperty("ErrorsTruncated")!.GetValue(result)!;
    }

    /// <summary>Validates as <see cref="Validate"/> does and returns what the result's <c>WriteBasicOutput(Utf8JsonWriter)</c> writes, as UTF-8.</summary>
    public byte[] WriteBasicOutput(string json, bool stopAtFirstError = false, bool? assertFormats = null, bool redactValues = false)
    {
        var result = Invoke(json, stopAtFirstError, assertFormats, redactValues);
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            result.GetType().GetMethod("WriteBasicOutput")!.Invoke(result, new object[] { writer });
        }

        return stream.ToArray();
    }

    /// <summary>The generated ValidationResult for <paramref name="json"/>, under options set as given (the rest left at their defaults).</summary>
    private object Invoke(string json, bool stopAtFirstError, bool? assertFormats, bool redactValues)
    {
        var options = Activator.CreateInstance(_optionsType)!;
        _optionsType.GetProperty("StopAtFirstError")!.SetValue(options, stopAtFirstError);
        _optionsType.GetProperty("RedactValues")!.SetValue(options, redactValues);
        if (assertFormats is bool formats)
        {
            _optionsType.GetProperty("AssertFormats")!.SetValue(options, formats);
        }

        return _validate.Invoke(null, new[] { json, options })!;
    }

    private static string Read(object error, string property) => (string)error.GetType().GetProperty(property)!.GetValue(error)!;
}
