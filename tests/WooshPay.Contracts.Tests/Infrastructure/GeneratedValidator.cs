using System.Reflection;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>One error as the generated validator reports it, read through reflection from the loaded assembly.</summary>
public sealed record ReportedError(string InstanceLocation, string Keyword, string KeywordLocation, string AbsoluteKeywordLocation, string Message)
{
    public override string ToString() => $"{(InstanceLocation.Length == 0 ? "(root)" : InstanceLocation)}: {Message} ({Keyword} at {KeywordLocation})";
}

/// <summary>
/// Calls a generated schema class's <c>Validate(string, ValidationOptions?)</c> in a loaded assembly
/// (compiled pass first), or, for <see cref="Interpreted"/>, its internal <c>Interpret</c> (the interpreter alone).
/// </summary>
public sealed class GeneratedValidator
{
    private readonly MethodInfo _validate;
    private readonly Type _optionsType;
    private readonly Type _type;

    public GeneratedValidator(Assembly assembly, string schemaClassName, string ns = GeneratorHarness.DefaultNamespace)
    {
        _type = assembly.GetType(ns + "." + schemaClassName) ?? throw new InvalidOperationException($"No generated class {schemaClassName}");
        _optionsType = assembly.GetType(ns + ".Runtime.ValidationOptions")!;
        _validate = _type.GetMethod("Validate", new[] { typeof(string), _optionsType })!;
    }

    private GeneratedValidator(GeneratedValidator compiled, MethodInfo validate)
    {
        _type = compiled._type;
        _optionsType = compiled._optionsType;
        _validate = validate;
    }

    /// <summary>The same schema validated by the interpreter only: the reference the compiled pass must agree with.</summary>
    public GeneratedValidator Interpreted
        => new(this, _type.GetMethod("Interpret", BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(string), _optionsType })!);

    /// <summary>Validates a parsed element through the <c>JsonElement</c> overload; the errors as <see cref="ReportedError"/>s.</summary>
    public (bool IsValid, IReadOnlyList<ReportedError> Errors) ValidateElement(System.Text.Json.JsonElement element, bool interpreted = false)
    {
        var method = _type.GetMethod(interpreted ? "Interpret" : "Validate", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
            new[] { typeof(System.Text.Json.JsonElement), _optionsType })!;
        var result = method.Invoke(null, new object?[] { element, null })!;
        return (IsValid(result), Errors(result));
    }

    private static bool IsValid(object result) => (bool)result.GetType().GetProperty("IsValid")!.GetValue(result)!;

    private static List<ReportedError> Errors(object result)
        => ((System.Collections.IEnumerable)result.GetType().GetProperty("Errors")!.GetValue(result)!)
            .Cast<object>()
            .Select(e => new ReportedError(
                Read(e, "InstanceLocation"), Read(e, "Keyword"), Read(e, "KeywordLocation"), Read(e, "AbsoluteKeywordLocation"), Read(e, "Message")))
            .ToList();

    public (bool IsValid, IReadOnlyList<ReportedError> Errors, string BasicOutput) Validate(
        string json, bool stopAtFirstError = false, bool? assertFormats = null, bool redactValues = false)
    {
        var result = Invoke(json, stopAtFirstError, assertFormats, redactValues);
        var basic = (string)result.GetType().GetMethod("ToBasicOutputJson")!.Invoke(result, null)!;
        return (IsValid(result), Errors(result), basic);
    }

    /// <summary>Validates as <see cref="Validate"/> does, under a MaxErrors limit too, and returns the whole result, ErrorsTruncated included.</summary>
    public (bool IsValid, IReadOnlyList<ReportedError> Errors, string BasicOutput, bool ErrorsTruncated) ValidateWithLimit(
        string json, int maxErrors, bool stopAtFirstError = false, bool redactValues = false, bool? assertFormats = null)
    {
        var result = _validate.Invoke(null, new[] { json, Options(stopAtFirstError, assertFormats, redactValues, maxErrors) })!;
        var basic = (string)result.GetType().GetMethod("ToBasicOutputJson")!.Invoke(result, null)!;
        return (IsValid(result), Errors(result), basic, (bool)result.GetType().GetProperty("ErrorsTruncated")!.GetValue(result)!);
    }

    /// <summary>
    /// The compiled pass's own answer, with default options: true only when it certainly accepts <paramref name="json"/>
    /// (false also when it leaves the text undecided: a duplicate key, an escaped name, an inexact number).
    /// </summary>
    public bool Accepts(string json)
    {
        var runtime = _type.Assembly.GetType(_optionsType.Namespace + ".CompiledValidation")!;
        var check = _type.GetField("s_compiled", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var collect = runtime.Assembly.GetType(runtime.Namespace + ".CompiledCollect")!;
        // Without collectors the runtime lets the fast pass answer alone: a result only when it accepts.
        var validate = runtime.GetMethod("Validate", new[] { typeof(string), _optionsType, check.GetType(), collect })!;
        return validate.Invoke(null, new[] { json, Activator.CreateInstance(_optionsType)!, check, null }) is not null;
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

    /// <summary>
    /// Validates UTF-8 bytes (which need not be valid UTF-8) through the <c>ReadOnlySpan&lt;byte&gt;</c> overload, of
    /// <c>Validate</c> or, when <paramref name="interpreted"/>, of <c>Interpret</c>.
    /// </summary>
    public (bool IsValid, IReadOnlyList<ReportedError> Errors, string BasicOutput, bool ErrorsTruncated) ValidateUtf8(
        byte[] utf8, bool interpreted = false, bool stopAtFirstError = false, bool redactValues = false)
    {
        var method = _type.GetMethod(interpreted ? "Interpret" : "Validate", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
            new[] { typeof(ReadOnlySpan<byte>), _optionsType })!;
        var result = SpanCall.Create(method)(utf8, Options(stopAtFirstError, null, redactValues));
        var basic = (string)result.GetType().GetMethod("ToBasicOutputJson")!.Invoke(result, null)!;
        return (IsValid(result), Errors(result), basic, (bool)result.GetType().GetProperty("ErrorsTruncated")!.GetValue(result)!);
    }

    /// <summary>The generated ValidationResult for <paramref name="json"/>, under options set as given (the rest left at their defaults).</summary>
    private object Invoke(string json, bool stopAtFirstError, bool? assertFormats, bool redactValues)
        => _validate.Invoke(null, new[] { json, Options(stopAtFirstError, assertFormats, redactValues) })!;

    private object Options(bool stopAtFirstError, bool? assertFormats, bool redactValues, int? maxErrors = null)
    {
        var options = Activator.CreateInstance(_optionsType)!;
        if (maxErrors is int limit)
        {
            _optionsType.GetProperty("MaxErrors")!.SetValue(options, limit);
        }

        _optionsType.GetProperty("StopAtFirstError")!.SetValue(options, stopAtFirstError);
        _optionsType.GetProperty("RedactValues")!.SetValue(options, redactValues);
        if (assertFormats is bool formats)
        {
            _optionsType.GetProperty("AssertFormats")!.SetValue(options, formats);
        }

        return options;
    }

    private static string Read(object error, string property) => (string)error.GetType().GetProperty(property)!.GetValue(error)!;
}
