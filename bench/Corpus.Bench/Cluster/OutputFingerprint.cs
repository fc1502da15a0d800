using System.Security.Cryptography;
using System.Text;

namespace Corpus.Bench.Cluster;

/// <summary>
/// The product of a build for a byte-for-byte comparison: SHA-256 over <c>manifest.json</c> and
/// every file under <c>shards/</c>, each with its relative path, in ordinal path order. Two builds
/// with the same fingerprint wrote the same manifest and the same shards byte for byte.
/// </summary>
internal sealed record OutputFingerprint(string Sha256, int Files, long Bytes)
{
    public static OutputFingerprint Of(string output)
    {
        var files = new List<string> { Path.Combine(output, "manifest.json") };
        files.AddRange(Directory.EnumerateFiles(Path.Combine(output, "shards"), "*", SearchOption.AllDirectories));
        files.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            var content = File.ReadAllBytes(file);
            hash.AppendData(BitConverter.GetBytes((long)content.Length));
            hash.AppendData(content);
            bytes += content.Length;
        }

        return new OutputFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), files.Count, bytes);
    }
}
