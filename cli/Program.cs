namespace WooshPay.Contracts.Tool;

/// <summary>Entry point of <c>wooshpay-contracts</c>: dispatches to one command per verb.</summary>
internal static class Program
{
    /// <summary>Exit codes shared by every command.</summary>
    internal const int Clean = 0, Findings = 1, UsageOrInputError = 2;

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(Usage);
            return args.Length == 0 ? UsageOrInputError : Clean;
        }

        var rest = args.AsSpan(1).ToArray();
        return args[0] switch
        {
            // Each command registers its verb here.
            "validate" => Commands.ValidateCommand.Run(rest),
            "diff" => Commands.DiffCommand.Run(rest),
            "check-docs" => Commands.CheckDocsCommand.Run(rest),
            "openapi" => Commands.OpenApiCommand.Run(rest),
            _ => UnknownCommand(args[0]),
        };
    }

    private static int UnknownCommand(string verb)
    {
        Console.Error.WriteLine($"wooshpay-contracts: unknown command '{verb}'. Run 'wooshpay-contracts --help'.");
        return UsageOrInputError;
    }

    private const string Usage = $$"""
        wooshpay-contracts: the WooshPay contract toolkit on the command line

        Usage: wooshpay-contracts <command> [options]

        Commands:
          {{Commands.ValidateCommand.Usage}}
          {{Commands.DiffCommand.Usage}}
          {{Commands.CheckDocsCommand.Usage}}
          openapi export   Write the WooshPay API description as OpenAPI 3.1 or 3.0.

        Exit codes: 0 clean, 1 findings, 2 usage or input error.

        """;
}
