using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// One of the two embedded Noto Sans SC faces, cut down with HarfBuzz's subsetter to the characters a
/// document uses: Skia would otherwise embed the whole 10 MB font in every PDF (STACK.md). The full
/// font is read and parsed once per process (the native blob and a face prepared for repeated
/// subsetting); each document then gets a small face of its own characters (Skia's PDF backend
/// embeds that face as it is, a few dozen KB).
/// </summary>
public sealed class FontSubsetter
{
    static FontSubsetter()
    {
        // Room for the outlines Skia keeps of the faces above (the default 2 MB holds one CJK slip's).
        if (SKGraphics.GetFontCacheLimit() < 32L << 20) SKGraphics.SetFontCacheLimit(32L << 20);
    }

    private static readonly Lazy<FontSubsetter> RegularFont = new(() => new FontSubsetter("NotoSansSC_400Regular.ttf"));
    private static readonly Lazy<FontSubsetter> BoldFont = new(() => new FontSubsetter("NotoSansSC_700Bold.ttf"));

    private readonly byte[] _data;
    private readonly IntPtr _face;

    public static FontSubsetter Regular => RegularFont.Value;
    public static FontSubsetter Bold => BoldFont.Value;

    /// <summary>Loads both faces now (at start-up), so the first printed slip is not the one that waits.</summary>
    public static void Preload() => _ = (Regular, Bold);

    private FontSubsetter(string file)
    {
        var name = $"ServicePortal.Domain.Fonts.{file}";
        using var stream = typeof(FontSubsetter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing");
        // Pinned for the life of the process: the native blob points at it and is never freed.
        _data = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
        stream.ReadExactly(_data);
        ClearOverlapFlags(_data);
        var blob = Native.hb_blob_create(Marshal.UnsafeAddrOfPinnedArrayElement(_data, 0), (uint)_data.Length, Native.MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
        var face = Native.hb_face_create(blob, 0);
        Native.hb_blob_destroy(blob); // the face holds its own reference
        // A face prepared once makes every later subset of it several times faster.
        _face = Native.hb_subset_preprocess(face);
        Native.hb_face_destroy(face);
        FileName = file;
    }

    public string FileName { get; }

    /// <summary>
    /// A face holding only the glyphs of these characters (plus .notdef), without hinting or layout
    /// tables. Faces are shared: the last few are kept, because Skia prepares every glyph of a new face
    /// again (outline and metrics, about 0.1 ms each) — reprinting a slip, or the bold face whose
    /// characters are the same on every slip, then costs almost nothing. Do not dispose the result.
    /// </summary>
    public SKTypeface Subset(IEnumerable<int> codePoints)
    {
        var sorted = codePoints.Distinct().Order().ToArray();
        var key = string.Concat(sorted.Select(char.ConvertFromUtf32));
        lock (_recent)
        {
            for (var hit = _recent.First; hit is not null; hit = hit.Next)
            {
                if (hit.Value.Key != key) continue;
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                return hit.Value.Face;
            }
        }
        var face = CreateSubset(sorted);
        lock (_recent)
        {
            _recent.AddFirst((key, face));
            // Dropped faces are left to the finalizer: a document being drawn may still hold them.
            while (_recent.Count > Kept) _recent.RemoveLast();
        }
        return face;
    }

    private const int Kept = 16;
    private readonly LinkedList<(string Key, SKTypeface Face)> _recent = new();

    private SKTypeface CreateSubset(int[] codePoints)
    {
        var input = Native.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not create a subset input");
        try
        {
            var unicodes = Native.hb_subset_input_unicode_set(input);
            foreach (var cp in codePoints) Native.hb_set_add(unicodes, (uint)cp);
            // Text is drawn unshaped (plain DrawText), so substitution and positioning tables are not needed.
            var drop = Native.hb_subset_input_set(input, Native.SetsDropTableTag);
            foreach (var tag in DroppedTables) Native.hb_set_add(drop, Tag(tag));
            Native.hb_subset_input_set_flags(input, Native.FlagNoHinting | Native.FlagNoLayoutClosure | Native.FlagNotdefOutline);

            IntPtr subset;
            lock (_recent) subset = Native.hb_subset_or_fail(_face, input); // one subset of the shared face at a time (well under a millisecond)
            if (subset == IntPtr.Zero) throw new InvalidOperationException($"HarfBuzz could not subset {FileName}");
            try
            {
                var blob = Native.hb_face_reference_blob(subset);
                try
                {
                    var data = Native.hb_blob_get_data(blob, out var length);
                    using var copy = SKData.CreateCopy(data, (long)length);
                    return SKTypeface.FromData(copy) ?? throw new InvalidOperationException($"Skia could not load the subset of {FileName}");
                }
                finally { Native.hb_blob_destroy(blob); }
            }
            finally { Native.hb_face_destroy(subset); }
        }
        finally { Native.hb_subset_input_destroy(input); }
    }

    /// <summary>
    /// Noto Sans SC marks every glyph OVERLAP_SIMPLE (contours may overlap). For such glyphs Skia runs its
    /// path simplifier on each outline it loads — 0.1 ms a glyph, most of a slip's time. The flag only
    /// concerns anti-aliased rasterising of overlaps, which PDF viewers fill by the non-zero rule anyway,
    /// so it is cleared once in the loaded font (the subsetter writes fresh checksums).
    /// </summary>
    internal static void ClearOverlapFlags(byte[] font)
    {
        var span = font.AsSpan();
        int tables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        int head = -1, maxp = -1, loca = -1, glyf = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = span[(12 + 16 * i)..];
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            switch (Encoding.ASCII.GetString(record[..4]))
            {
                case "head": head = offset; break;
                case "maxp": maxp = offset; break;
                case "loca": loca = offset; break;
                case "glyf": glyf = offset; break;
            }
        }
        if (head < 0 || maxp < 0 || loca < 0 || glyf < 0) return; // not a TrueType-outline font
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(span[(head + 50)..]) == 1;
        int glyphs = BinaryPrimitives.ReadUInt16BigEndian(span[(maxp + 4)..]);
        int Location(int g) => longOffsets
            ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca + 4 * g)))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca + 2 * g));
        for (var g = 0; g < glyphs; g++)
        {
            var start = Location(g);
            if (Location(g + 1) == start) continue; // empty glyph
            var p = glyf + start;
            int contours = BinaryPrimitives.ReadInt16BigEndian(span[p..]);
            if (contours >= 0)
            {
                var instructions = BinaryPrimitives.ReadUInt16BigEndian(span[(p + 10 + 2 * contours)..]);
                font[p + 12 + 2 * contours + instructions] &= unchecked((byte)~0x40); // OVERLAP_SIMPLE, first flag only
            }
            else
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(span[(p + 10)..]);
                BinaryPrimitives.WriteUInt16BigEndian(span[(p + 10)..], (ushort)(flags & ~0x0400)); // OVERLAP_COMPOUND, first component
            }
        }
    }

    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "meta"];

    private static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    /// <summary>The subsetting API of the HarfBuzz build that ships with HarfBuzzSharp.NativeAssets.Linux (it exports <c>hb_subset_*</c>).</summary>
    private static class Native
    {
        private const string Lib = "libHarfBuzzSharp";
        public const int MemoryModeReadOnly = 1;
        public const int SetsDropTableTag = 3;
        public const uint FlagNoHinting = 0x1;
        public const uint FlagNotdefOutline = 0x40;
        public const uint FlagNoLayoutClosure = 0x200;

        [DllImport(Lib)] public static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
        [DllImport(Lib)] public static extern void hb_blob_destroy(IntPtr blob);
        [DllImport(Lib)] public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
        [DllImport(Lib)] public static extern IntPtr hb_face_create(IntPtr blob, uint index);
        [DllImport(Lib)] public static extern void hb_face_destroy(IntPtr face);
        [DllImport(Lib)] public static extern IntPtr hb_face_reference_blob(IntPtr face);
        [DllImport(Lib)] public static extern void hb_set_add(IntPtr set, uint codepoint);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_create_or_fail();
        [DllImport(Lib)] public static extern void hb_subset_input_destroy(IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
        [DllImport(Lib)] public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
        [DllImport(Lib)] public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_preprocess(IntPtr face);
    }
}
