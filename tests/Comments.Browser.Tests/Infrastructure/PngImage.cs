using System.Buffers.Binary;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Infrastructure;

/// <summary>What a screenshot shows, checked beyond "the file is not empty".</summary>
public static class PngImage
{
    /// <summary>Width and height from the PNG's IHDR chunk.</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>
    /// The element is on screen with a real size, and its pixels are in the picture: the same
    /// clip of the page, shot as it is and then with the element made transparent, differs.
    /// </summary>
    public static async Task AssertVisibleAsync(IPage page, ILocator element)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync();
        Assert.True(box is { Width: >= 50, Height: >= 20 }, $"the element is not on screen with a real size: {box?.Width}x{box?.Height}");
        // Page coordinates (the bounding box is relative to the viewport), over the full page.
        var scroll = await page.EvaluateAsync<float[]>("() => [window.scrollX, window.scrollY]");
        var clip = new Clip { X = box!.X + scroll[0], Y = box.Y + scroll[1], Width = box.Width, Height = box.Height };
        var shown = await page.ScreenshotAsync(new() { Clip = clip, FullPage = true });
        var (width, height) = Size(shown);
        Assert.InRange(width, (int)box.Width - 1, (int)box.Width + 1);
        Assert.InRange(height, (int)box.Height - 1, (int)box.Height + 1);
        // Made transparent: inside its shadow root when it has one (the widget's :host rules win
        // over anything set on the host from outside, by design), else on the element itself.
        await element.EvaluateAsync("""
            e => { const s = document.createElement('style'); s.id = '__transparent'; s.textContent = '* { opacity: 0 !important; }';
                   if (e.shadowRoot) e.shadowRoot.append(s); else e.style.setProperty('opacity', '0', 'important'); }
            """);
        var hidden = await page.ScreenshotAsync(new() { Clip = clip, FullPage = true });
        await element.EvaluateAsync("e => { if (e.shadowRoot) e.shadowRoot.getElementById('__transparent').remove(); else e.style.removeProperty('opacity'); }");
        Assert.False(shown.AsSpan().SequenceEqual(hidden), "the screenshot looks the same with the element hidden: it shows nothing of it");
    }
}
