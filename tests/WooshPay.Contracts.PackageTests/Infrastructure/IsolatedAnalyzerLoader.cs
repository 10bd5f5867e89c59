using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WooshPay.Contracts.PackageTests.Infrastructure;

/// <summary>
/// Loads analyzer assemblies the way a compiler host or IDE does: each from its own folder, in its own
/// load context, sharing only Roslyn and the runtime's shared framework with the host. Anything else
/// the generator asks for must sit next to it in the package; the test host's own copies (xunit,
/// Basic.Reference.Assemblies, NuGet-delivered libraries) are refused, so a missing bundled
/// assembly fails here as it would in a user's IDE.
/// </summary>
public sealed class IsolatedAnalyzerLoader : IAnalyzerAssemblyLoader
{
    private readonly LoadContext _context;

    public IsolatedAnalyzerLoader(string analyzerFolder)
    {
        _context = new LoadContext(Path.GetFullPath(analyzerFolder));
    }

    /// <summary>Assemblies the generator asked for that are neither bundled, Roslyn nor framework.</summary>
    public IReadOnlyCollection<string> Refused => _context.Refused.Keys.ToList();

    public AssemblyLoadContext Context => _context;

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(Path.GetFullPath(fullPath));

    public void Unload() => _context.Unload();

    private sealed class LoadContext(string folder) : AssemblyLoadContext("analyzers:" + folder, isCollectible: true)
    {
        private static readonly Dictionary<string, Assembly> s_compiler = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Microsoft.CodeAnalysis"] = typeof(Compilation).Assembly,
            ["Microsoft.CodeAnalysis.CSharp"] = typeof(CSharpCompilation).Assembly,
        };

        // The shared framework, which every compiler host also provides (System.Collections.Immutable included).
        private static readonly HashSet<string> s_framework = Directory
            .EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.OrdinalIgnoreCase)!;

        public ConcurrentDictionary<string, bool> Refused { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            var simpleName = name.Name ?? string.Empty;
            if (s_compiler.TryGetValue(simpleName, out var compiler))
            {
                return compiler;
            }

            var local = string.IsNullOrEmpty(name.CultureName)
                ? Path.Combine(folder, simpleName + ".dll")
                : Path.Combine(folder, name.CultureName, simpleName + ".dll");
            if (File.Exists(local))
            {
                return LoadFromAssemblyPath(local);
            }

            if (s_framework.Contains(simpleName) || !string.IsNullOrEmpty(name.CultureName))
            {
                return null; // the default context resolves it from the shared framework (or finds no satellite)
            }

            Refused[name.FullName] = true;
            throw new FileNotFoundException(
                $"'{name.FullName}' is not bundled next to the analyzer in {folder} and is neither Roslyn nor part of the shared framework.");
        }
    }
}
