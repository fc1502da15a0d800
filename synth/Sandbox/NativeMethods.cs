using System.Runtime.InteropServices;

namespace Corpus.Synth.Sandbox;

/// <summary>The two libc calls .NET has no API for: <c>kill</c> of a process group and <c>chown</c>.</summary>
internal static partial class NativeMethods
{
    private const int SigKill = 9;

    /// <summary>Sends <c>SIGKILL</c> to every process in process group <paramref name="processGroup"/>; false when none is left.</summary>
    public static bool KillProcessGroup(int processGroup) => processGroup > 1 && Kill(-processGroup, SigKill) == 0;

    /// <summary>Gives <paramref name="path"/> to <paramref name="userId"/> (and the group of the same number).</summary>
    public static void Chown(string path, int userId)
    {
        if (ChownCore(path, userId, userId) != 0)
        {
            throw new IOException($"chown {userId} '{path}' failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChownCore(string path, int owner, int group);
}
