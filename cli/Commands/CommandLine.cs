using System.Text.Encodings.Web;
using System.Text.Json;
using WooshPay.Contracts.Tool.Contracts;

namespace WooshPay.Contracts.Tool.Commands;

/// <summary>A usage or input problem: reported as one line on stderr, exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>The arguments of one command: positional values and the options it accepts.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CommandLine(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = new();

    /// <summary>True for <c>--format json</c>.</summary>
    public bool Json => Option("--format") is "json";

    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads <paramref name="args"/>; every option takes a value; <c>--format</c> is accepted by every command.</summary>
    public static CommandLine Parse(string verb, string[] args, params string[] options)
    {
        var line = new CommandLine(verb);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                line.Positional.Add(arg);
                continue;
            }

            if (arg != "--format" && !options.Contains(arg))
            {
                throw new InputException($"{verb}: unknown option '{arg}'.");
            }

            if (i + 1 >= args.Length)
            {
                throw new InputException($"{verb}: option '{arg}' needs a value.");
            }

            line._options[arg] = args[++i];
        }

        if (line.Option("--format") is { } format && format is not ("json" or "text"))
        {
            throw new InputException($"{verb}: --format must be 'text' or 'json', not '{format}'.");
        }

        return line;
    }

    /// <summary>Runs a command body: an <see cref="InputException"/> becomes its message and exit code 2.</summary>
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (InputException e)
        {
            Console.Error.WriteLine("wooshpay-contracts " + e.Message);
            return Program.UsageOrInputError;
        }
    }

    /// <summary>Writes indented JSON with non-ASCII text kept readable (documentation samples are often not English).</summary>
    public static void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        stdout.Write("\n"u8);
    }

    /// <summary>Schema files of a file or a folder: a folder gives every *.schema.json below it, named by relative path.</summary>
    public static IReadOnlyList<SchemaSource> ReadSchemas(string path, string verb)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.schema.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new InputException($"{verb}: folder '{path}' holds no *.schema.json file.");
            }

            return files.Select(f => new SchemaSource(Path.GetRelativePath(path, f).Replace('\\', '/'), f, File.ReadAllText(f))).ToList();
        }

        if (File.Exists(path))
        {
            return new[] { new SchemaSource(Path.GetFileName(path), path, File.ReadAllText(path)) };
        }

        throw new InputException($"{verb}: '{path}' is neither a file nor a folder.");
    }

    /// <summary>Throws with every schema error when <paramref name="set"/> cannot be used.</summary>
    public static ContractSet Usable(ContractSet set, string verb)
    {
        if (set.Errors.Count > 0)
        {
            throw new InputException($"{verb}: the schemas have errors:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", set.Errors));
        }

        return set;
    }
}
