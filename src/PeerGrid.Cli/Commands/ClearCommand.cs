using System.CommandLine;
using PeerGrid.Application.Clearing;
using PeerGrid.Domain;

namespace PeerGrid.Cli.Commands;

/// <summary>
/// <c>peergrid clear BOOK.json</c> (or <c>-</c> for standard input): clear one order book or one set of net positions
/// and print the outcome as JSON on stdout (docs/clearing-service.md). Exit 0 cleared, 2 the book has problems (one
/// "error:" line each on stderr, nothing on stdout).
/// </summary>
internal static class ClearCommand
{
    /// <summary>The name used in messages for a book read from standard input.</summary>
    public const string StdinName = "<stdin>";

    /// <param name="stdin">Where <c>-</c> reads from; the console's standard input by default (tests pass their own).</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<TextReader>? stdin = null)
    {
        var book = new Argument<string>("book") { Description = "The book (JSON): auction bids and offers, or net positions for a sharing model; - reads standard input." };
        var command = new Command("clear", "Clear one order book (or price one set of net positions) and print the result as JSON.") { book };
        command.SetAction(parse => Execute(parse.GetValue(book)!, stdout, stderr, stdin ?? (() => Console.In)));
        return command;
    }

    private static int Execute(string book, TextWriter stdout, TextWriter stderr, Func<TextReader> stdin)
    {
        bool fromStdin = book == "-";
        string name = fromStdin ? StdinName : Path.GetFileName(book);
        string json;
        try
        {
            json = fromStdin ? stdin().ReadToEnd() : File.ReadAllText(book);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ErrorReport.Invalid(stderr, name, [new ValidationError("book", $"file {book} does not exist", "check the path, or give - to read the book from standard input")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrorReport.Invalid(stderr, name, [new ValidationError("book", $"file {book} cannot be read ({e.Message})", "check the path and its permissions")]);
        }

        ClearOutcome outcome = ClearBook.Execute(json);
        if (!outcome.IsValid)
        {
            return ErrorReport.Invalid(stderr, name, outcome.Errors);
        }
        stdout.WriteLine(ClearingJson.Write(outcome.Response!));
        return PeergridCommand.Ok;
    }
}
