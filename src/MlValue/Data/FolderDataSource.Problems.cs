using System.Globalization;

namespace MlValue.Data;

/// <content>Read errors that concern a whole file or a whole line, and reporting each once.</content>
internal sealed partial class FolderDataSource<T>
{
    /// <summary>
    /// A problem that leaves the file unread (it shrank, its header is bad): reported once per file
    /// length, remembered in the checkpoint, so a loop that reads and commits until no errors ends;
    /// reported again when the file changes.
    /// </summary>
    private static FileMark Blocked(FileMark mark, long length, DataReadError error, List<DataReadError> errors)
    {
        if (mark.Reported != length)
        {
            errors.Add(error);
        }

        return new FileMark { Bytes = mark.Bytes, Lines = mark.Lines, Reported = length };
    }

    private DataReadError TooLong(string file, long line)
        => new(file, line, null, string.Create(CultureInfo.InvariantCulture, $"line is longer than {MaxLineBytes} bytes (16 x MaxFieldLength) and was skipped; shorten its fields or raise MlValue:Data:MaxFieldLength"));
}
