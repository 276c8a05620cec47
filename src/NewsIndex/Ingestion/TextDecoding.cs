using System.Buffers;
using System.Text;

namespace NewsIndex.Ingestion;

/// <summary>Turns raw bytes into text, or says exactly why not (binary data, bad UTF-8), with the line.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a whole text file. Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM.</summary>
    public static bool TryDecodeFile(ReadOnlySpan<byte> bytes, out string text, out int errorLine, out string? error)
    {
        text = string.Empty;
        errorLine = 0;
        error = null;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = encoding.GetString(bytes[2..]);
            return true;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        var nul = bytes[..Math.Min(bytes.Length, 8192)].IndexOf((byte)0);
        if (nul >= 0)
        {
            errorLine = LineOf(bytes, nul);
            error = $"binary data, not text (NUL byte at offset {nul})";
            return false;
        }

        return TryDecodeUtf8(bytes, 1, out text, out errorLine, out error);
    }

    /// <summary>Decodes UTF-8; on failure reports the line of the first invalid byte, counting from <paramref name="firstLine"/>.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, int firstLine, out string text, out int errorLine, out string? error)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            text = StrictUtf8.GetString(bytes);
            errorLine = 0;
            error = null;
            return true;
        }

        var badIndex = FirstInvalidByte(bytes);
        text = string.Empty;
        errorLine = firstLine - 1 + LineOf(bytes, badIndex);
        error = $"invalid UTF-8 (byte 0x{bytes[badIndex]:X2} at offset {badIndex})";
        return false;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var used) != OperationStatus.Done)
            {
                return index;
            }

            index += used;
        }

        return bytes.Length - 1;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;
}
