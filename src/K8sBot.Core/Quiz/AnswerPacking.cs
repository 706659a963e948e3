using System.Text;

namespace K8sBot.Core.Quiz;

/// <summary>
/// The stored form of one commit's answers: one binary value instead of a sub-document per answer.
/// Mapping and serialising a sub-document per answer was most of the writer's CPU and garbage at the
/// end of a question, when a thousand presses arrive together; a packed batch is one allocation.
/// </summary>
internal static class AnswerPacking
{
    // Bumped if the layout changes; unpacking refuses a version it does not know.
    private const byte Version = 1;

    public static byte[] Pack(IReadOnlyList<AnswerDocument> answers)
    {
        using var stream = new MemoryStream(16 + (answers.Count * 48));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(answers.Count);
            foreach (var answer in answers)
            {
                writer.Write(answer.UserId);
                writer.Write(answer.UserName);
                writer.Write7BitEncodedInt(answer.Option);
                writer.Write7BitEncodedInt(answer.ElapsedMs);
                writer.Write(answer.At.ToUniversalTime().Ticks);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The answers of a batch whose id starts with <paramref name="prefix"/> (<c>round:question:</c>).</summary>
    public static List<AnswerDocument> Unpack(string prefix, byte[] packed)
    {
        using var reader = new BinaryReader(new MemoryStream(packed, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"Unknown answer batch format {version}.");
        }

        var count = reader.Read7BitEncodedInt();
        var answers = new List<AnswerDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var userId = reader.ReadString();
            answers.Add(new AnswerDocument
            {
                Id = prefix + userId,
                UserId = userId,
                UserName = reader.ReadString(),
                Option = reader.Read7BitEncodedInt(),
                ElapsedMs = reader.Read7BitEncodedInt(),
                At = new DateTime(reader.ReadInt64(), DateTimeKind.Utc),
            });
        }

        return answers;
    }
}
