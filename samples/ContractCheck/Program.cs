// ContractCheck: validates every sample payload under samples/payloads/ against its WooshPay schema,
// with the validators the generator emitted into this program, and prints a report.
//
//   dotnet run --project samples/ContractCheck [-- [PAYLOADS_FOLDER] [--json]]
//
// PAYLOADS_FOLDER defaults to samples/payloads, found above the current folder or the program.
// Payloads under a documented/ folder are WooshPay's published samples: their errors are reported
// as drift and do not fail the run. Every other payload (canonical/) must pass.
// Exit code: 0 when every canonical payload passes; 1 when one fails; 2 when a file cannot be
// checked (unreadable, not JSON, no matching schema) or the arguments or folder are wrong.
using System.Text;
using System.Text.Json;
using ContractCheck;

const string Usage = "usage: dotnet run --project samples/ContractCheck [-- [PAYLOADS_FOLDER] [--json]]";

string? folderArgument = null;
var json = false;
foreach (var arg in args)
{
    if (arg == "--json")
    {
        json = true;
    }
    else if (arg is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return ContractReport.Success;
    }
    else if (arg.StartsWith('-') || folderArgument is not null)
    {
        return Fail($"unexpected argument '{arg}'.{Environment.NewLine}{Usage}");
    }
    else
    {
        folderArgument = arg;
    }
}

var folder = folderArgument is null ? FindPayloadsFolder() : Path.GetFullPath(folderArgument);
if (folder is null)
{
    return Fail("samples/payloads was not found above the current folder; pass the payloads folder as an argument.");
}

if (!Directory.Exists(folder))
{
    return Fail($"the payloads folder {folder} does not exist.");
}

List<PayloadCheck> checks;
try
{
    checks = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
        .Select(file => Check(folder, file))
        .OrderBy(check => check.Path, StringComparer.Ordinal)
        .ToList();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Fail($"cannot list the payloads in {folder}: {e.Message}");
}

if (checks.Count == 0)
{
    return Fail($"no *.json payloads in {folder}.");
}

var report = new ContractReport(checks);
var shownFolder = Shown(folder);
if (json)
{
    using (var stdout = Console.OpenStandardOutput())
    {
        report.WriteJson(stdout, shownFolder);
        stdout.Write("\n"u8);
    }

    if (report.FailureMessage is not null)
    {
        Console.Error.WriteLine("contract-check: " + report.FailureMessage);
    }
}
else
{
    Console.OutputEncoding = Encoding.UTF8;
    report.WriteText(Console.Out, shownFolder);
}

return report.ExitCode;

// Validates one payload file, or says why it cannot be validated.
static PayloadCheck Check(string folder, string file)
{
    var path = Path.GetRelativePath(folder, file).Replace('\\', '/');
    // A trailing separator ("samples/payloads/documented/") must not hide the folder's own name.
    var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
    var driftExpected = path.Split('/')[..^1].Prepend(folderName).Contains("documented");
    var schema = PayloadSchemas.Resolve(Path.GetFileName(file), out var problem);
    if (schema is null)
    {
        return new(path, driftExpected, null, null, problem);
    }

    ReadOnlyMemory<byte> utf8 = default;
    try
    {
        utf8 = File.ReadAllBytes(file);
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        using var document = JsonDocument.Parse(utf8);
        return new(path, driftExpected, schema, schema.Validate(document.RootElement, null), null);
    }
    catch (JsonException e)
    {
        return new(path, driftExpected, schema, null, "not valid JSON at " + JsonTextError.Describe(utf8.Span, e));
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        return new(path, driftExpected, schema, null, "cannot read the file: " + e.Message);
    }
}

// samples/payloads above the current folder, else above the program's own folder (bin/ of the project).
static string? FindPayloadsFolder()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "payloads");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    return null;
}

// The folder relative to the current one when it is below it, else as an absolute path.
static string Shown(string folder)
{
    var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
    return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative.Replace('\\', '/');
}

static int Fail(string message)
{
    Console.Error.WriteLine("contract-check: " + message);
    return ContractReport.CannotCheck;
}
