using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WooshPay.Contracts.PackageTests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.PackageTests;

/// <summary>
/// Installs the packed packages into fresh `dotnet new console` projects, from the local feed only,
/// and builds them with warnings as errors, as a user would.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerTests(PackedPackages packages)
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(1);

    private const string Program = """"
        using WooshPay.Contracts;

        var request = PaymentIntentCreateRequest.Parse("""{"amount":1000,"currency":"CNY","confirm":true,"return_url":"https://merchant.example/return"}""");
        Console.WriteLine($"model: {request.Amount} {request.Currency} confirm={request.Confirm}");
        Console.WriteLine($"json: {request.ToJson()}");

        var kiosk = new TerminalType("KIOSK");
        Console.WriteLine($"enum: {TerminalType.Web.Value} known={TerminalType.Web.IsKnown}; {kiosk.Value} known={kiosk.IsKnown}");

        Console.WriteLine($"valid: {PaymentIntentCreateRequestSchema.Validate(request.ToJson()).IsValid}");
        var result = PaymentIntentCreateRequestSchema.Validate("""{"amount":0,"currency":"CNY"}""");
        Console.WriteLine($"invalid: {result.IsValid} errors={result.Errors.Count}");
        foreach (var error in result.Errors)
        {
            Console.WriteLine($"error: {error.InstanceLocation} {error.Keyword}: {error.Message}");
        }
        """";

    [Theory]
    [InlineData("net8.0", "12")]
    [InlineData("net10.0", null)]
    public void Schemas_package_alone_gives_a_consumer_models_enums_and_validators(string targetFramework, string? langVersion)
    {
        var dir = NewConsumer("consumer-" + targetFramework, targetFramework, langVersion);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
        AddPackage(dir, PackedPackages.SchemasPackageId);

        // developmentDependency: the reference is private, so the consumer's own consumers do not get it.
        var reference = XDocument.Load(Path.Combine(dir, "Consumer.csproj")).Descendants("PackageReference")
            .Single(e => (string?)e.Attribute("Include") == PackedPackages.SchemasPackageId);
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value);

        var build = Build(dir);
        Assert.True(build.ExitCode == 0, "The consumer build failed." + Environment.NewLine + build);
        Assert.Contains(" 0 Warning(s)", build.Output);

        // Compile-time only: nothing of the toolkit is needed at run time.
        var bin = Path.Combine(dir, "bin", "Release", targetFramework);
        Assert.DoesNotContain(Directory.EnumerateFiles(bin), f => Path.GetFileName(f).StartsWith("WooshPay", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("WooshPay", File.ReadAllText(Path.Combine(bin, "Consumer.deps.json")), StringComparison.OrdinalIgnoreCase);

        // Only the .NET 10 runtime may be installed: the net8.0 app rolls forward to it.
        var run = Run(dir, s_runTimeout, [("DOTNET_ROLL_FORWARD", "Major")], Path.Combine(bin, "Consumer.dll"));
        Assert.True(run.ExitCode == 0, "The consumer failed to run." + Environment.NewLine + run);
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 6, "Unexpected output." + Environment.NewLine + run);
        Assert.Equal("model: 1000 CNY confirm=True", lines[0]);
        Assert.Equal("""json: {"amount":1000,"currency":"CNY","confirm":true,"return_url":"https://merchant.example/return"}""", lines[1]);
        Assert.Equal("enum: WEB known=True; KIOSK known=False", lines[2]);
        Assert.Equal("valid: True", lines[3]);
        Assert.Equal("invalid: False errors=1", lines[4]);
        Assert.StartsWith("error: /amount minimum: ", lines[5]);
        Assert.True(lines[5].Length > "error: /amount minimum: ".Length, "The error has no message." + Environment.NewLine + run);
    }

    [Fact]
    public void Invalid_schema_json_fails_the_build_with_WPC001_at_the_offending_token()
    {
        var dir = NewConsumer("consumer-broken", "net10.0", null);
        // Line 6, column 34: the second comma.
        File.WriteAllText(Path.Combine(dir, "broken.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Broken",
              "type": "object",
              "properties": {
                "name": { "type": "string" },,
                "size": { "type": "integer" }
              }
            }
            """);
        AddPackage(dir, PackedPackages.GeneratorPackageId);

        var build = Build(dir);
        Assert.True(build.ExitCode != 0, "The build with an invalid schema succeeded." + Environment.NewLine + build);

        var match = Regex.Match(build.Output, @"^\s*(?<file>.+?\.schema\.json)\((?<line>\d+),(?<column>\d+)\): error WPC001: ", RegexOptions.Multiline);
        Assert.True(match.Success, "No WPC001 error in the build output." + Environment.NewLine + build);
        Assert.Equal(Path.Combine(dir, "broken.schema.json"), match.Groups["file"].Value);
        Assert.Equal("6,34", match.Groups["line"].Value + "," + match.Groups["column"].Value);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("CS8784", build.Output);
    }

    [Fact]
    public void A_YAML_OpenAPI_document_in_the_project_gives_models_and_operation_validators()
    {
        var dir = NewConsumer("consumer-yaml", "net10.0", null);
        // Picked up by the package's default glob: no AdditionalFiles item in the project.
        File.WriteAllText(Path.Combine(dir, "shop.openapi.yaml"), """
            openapi: 3.1.0
            info:
              title: Shop API
              version: "1"
            paths:
              /items:
                post:
                  operationId: createItem
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/item' }
                  responses:
                    '200':
                      description: The item.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/item' }
            components:
              schemas:
                item:
                  type: object
                  required: [id, name]
                  properties:
                    id: { type: string, readOnly: true, description: Assigned by the shop. }
                    name:
                      type: string
                      minLength: 1
                      description: >-
                        What the item is called.
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), """"
            using WooshPay.Contracts;

            Console.WriteLine($"{ShopApi.CreateItem.Method} {ShopApi.CreateItem.Path} {ShopApi.CreateItem.RequestType.Name}");
            Console.WriteLine($"request: {ShopApi.CreateItem.ValidateRequest("""{"name":"tea"}""").IsValid}");
            Console.WriteLine($"response: {ShopApi.CreateItem.ValidateResponse(200, """{"name":"tea"}""").IsValid}");
            Console.WriteLine($"model: {Item.Parse("""{"id":"i1","name":"tea"}""").Name}");
            """");
        AddPackage(dir, PackedPackages.GeneratorPackageId);

        var build = Build(dir);
        Assert.True(build.ExitCode == 0, "The consumer build failed." + Environment.NewLine + build);
        var run = Run(dir, s_runTimeout, null, Path.Combine(dir, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.True(run.ExitCode == 0, "The consumer failed to run." + Environment.NewLine + run);
        Assert.Equal(["POST /items Item", "request: True", "response: False", "model: tea"], run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Packages_carry_the_expected_files_and_dependency()
    {
        using var generator = ZipFile.OpenRead(packages.GeneratorPackage);
        Assert.Equal(
            [
                "README.md",
                "WooshPay.Contracts.nuspec",
                "analyzers/dotnet/cs/WooshPay.Contracts.Generator.dll",
                "build/WooshPay.Contracts.props",
                "build/WooshPay.Contracts.targets",
                "buildTransitive/WooshPay.Contracts.props",
                "buildTransitive/WooshPay.Contracts.targets",
            ],
            ContentFiles(generator));

        using var schemas = ZipFile.OpenRead(packages.SchemasPackage);
        var expectedSchemas = Directory.EnumerateFiles(Path.Combine(packages.RepoRoot, "schemas"), "*.schema.json")
            .Select(f => "schemas/" + Path.GetFileName(f));
        Assert.Equal(
            new[]
            {
                "README.md",
                "WooshPay.Contracts.Schemas.nuspec",
                "build/WooshPay.Contracts.Schemas.targets",
                "buildTransitive/WooshPay.Contracts.Schemas.targets",
            }.Concat(expectedSchemas).Order(StringComparer.Ordinal),
            ContentFiles(schemas));

        // The one reference a consumer adds brings the generator with all of its assets.
        var nuspec = XDocument.Load(schemas.GetEntry("WooshPay.Contracts.Schemas.nuspec")!.Open());
        var dependency = nuspec.Descendants().Single(e => e.Name.LocalName == "dependency");
        Assert.Equal(PackedPackages.GeneratorPackageId, (string?)dependency.Attribute("id"));
        Assert.Equal(packages.Version, (string?)dependency.Attribute("version"));
        Assert.Null(dependency.Attribute("exclude"));
    }

    private static IEnumerable<string> ContentFiles(ZipArchive package)
        => package.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToList();

    private string NewConsumer(string name, string targetFramework, string? langVersion)
    {
        var dir = packages.NewFolder(name);
        var create = Run(dir, s_commandTimeout, null, "new", "console", "-n", "Consumer", "-o", dir, "--no-restore");
        Assert.True(create.ExitCode == 0, "dotnet new failed." + Environment.NewLine + create);

        var projectPath = Path.Combine(dir, "Consumer.csproj");
        var project = XDocument.Load(projectPath);
        var properties = project.Root!.Element("PropertyGroup")!;
        properties.Element("TargetFramework")!.Value = targetFramework;
        properties.Add(new XElement("TreatWarningsAsErrors", "true"));
        if (langVersion is not null)
        {
            properties.Add(new XElement("LangVersion", langVersion));
        }

        project.Save(projectPath);

        // The consumer's own restore (for net8.0, the targeting packs) uses the machine's sources.
        var restore = Run(dir, s_commandTimeout, null, "restore", "-tl:off");
        Assert.True(restore.ExitCode == 0, "The consumer's restore failed." + Environment.NewLine + restore);
        return dir;
    }

    // The project is named explicitly so that MSBuild reports paths as given, not as the working directory resolves.
    private ProcessResult Build(string dir)
        => Run(dir, s_commandTimeout, null, "build", Path.Combine(dir, "Consumer.csproj"), "-c", "Release", "--disable-build-servers", "-tl:off");

    private void AddPackage(string dir, string packageId)
    {
        var add = Run(dir, s_commandTimeout, null,
            "add", Path.Combine(dir, "Consumer.csproj"), "package", packageId, "--version", packages.Version, "--source", packages.FeedFolder);
        Assert.True(add.ExitCode == 0, $"Adding {packageId} failed." + Environment.NewLine + add);
    }

    private ProcessResult Run(string dir, TimeSpan timeout, (string, string)[]? extraEnvironment, params string[] arguments)
        => ProcessRunner.DotNetCommand(dir, timeout, packages.ChildEnvironment(extraEnvironment ?? []), arguments);
}
