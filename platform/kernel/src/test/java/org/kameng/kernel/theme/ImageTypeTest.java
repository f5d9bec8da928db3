package org.kameng.kernel.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Uploads are recognised by their first bytes; markup that could run script never passes. */
class ImageTypeTest {

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void theFourRasterFormatsAreRecognised() {
    assertEquals(
        Optional.of(ImageType.PNG),
        ImageType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
    assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals(
        Optional.of(ImageType.GIF),
        ImageType.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of(ImageType.WEBP),
        ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void markupTruncatedHeadersAndOtherRiffFilesAreNot() {
    for (String text :
        new String[] {
          "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
          "<html><script>alert(1)</script>",
          "RIFF\0\0\0\0WAVEfmt ",
          "GIF8",
          ""
        }) {
      assertTrue(ImageType.sniff(text.getBytes(StandardCharsets.US_ASCII)).isEmpty(), text);
    }
    assertTrue(ImageType.sniff(bytes(0x89, 'P', 'N', 'G')).isEmpty());
    assertTrue(ImageType.sniff(null).isEmpty());
  }
}
