using System.Text;

namespace Reporting.Core.Ingest.Files;

/// <summary>One CSV record: its fields, the line it starts on, and whether a quoted field ran to the end of the file unclosed.</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, int Line, bool Unterminated);

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold the separator, doubled quotes and line breaks;
/// CRLF, LF and CR all end a record. Reads through its own buffer, one record at a time.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;

    public CsvRecord? Read()
    {
        if (Peek() < 0)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        var unterminated = false;
        while (true)
        {
            _field.Clear();
            if (Peek() == '"')
            {
                Next();
                unterminated = !ReadQuoted();
            }

            // Unquoted text, or anything after a closing quote, runs to the separator or the line end.
            int c;
            while ((c = Peek()) >= 0 && c != separator && c != '\r' && c != '\n')
            {
                _field.Append((char)Next());
            }

            fields.Add(_field.ToString());
            if (c == separator)
            {
                Next();
                continue;
            }

            SkipLineEnd();
            return new CsvRecord(fields, start, unterminated);
        }
    }

    /// <summary>Reads a quoted field after its opening quote; false when the file ends inside it.</summary>
    private bool ReadQuoted()
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                return false;
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return true;
                }

                Next();
            }
            else if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                _line++;
            }

            _field.Append((char)c);
        }
    }

    private void SkipLineEnd()
    {
        var c = Next();
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        if (c >= 0)
        {
            _line++;
        }
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                return -1;
            }
        }

        return _buffer[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            _position++;
        }

        return c;
    }
}
