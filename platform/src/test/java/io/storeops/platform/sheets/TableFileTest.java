package io.storeops.platform.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table files as sellers keep them, read row by row whatever their format, charset and separator. */
class TableFileTest {

    @TempDir
    Path folder;

    @Test
    void aGb18030CsvWithTitleLinesGivesItsHeaderAndRowsOnTheirLines() throws Exception {
        Path file = write("商品目录 2026\n\n编码,名称,价格\nA-1,\"龙井, 250g\",398.00\n合计,,398.00\n", Charset.forName("GB18030"));

        Rows rows = TableFile.read(file, Rows::new, null).done();

        assertThat(rows.format.encoding()).isEqualTo("GB18030");
        assertThat(rows.header).containsExactly("编码", "名称", "价格");
        assertThat(rows.data).containsExactly("4:A-1|龙井, 250g|398.00");
    }

    @Test
    void utf16TabSeparatedWithAByteOrderMarkIsRead() throws Exception {
        Path file = folder.resolve("google.csv");
        Files.write(
                file,
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "编码\t名称\nA-1\t茶\n".getBytes(StandardCharsets.UTF_16LE)));

        Rows rows = TableFile.read(file, Rows::new, null).done();

        assertThat(rows.format.encoding()).isEqualTo("UTF-16LE");
        assertThat(rows.data).containsExactly("2:A-1|茶");
    }

    @Test
    void theFirstSheetOfAWorkbookIsReadWithNumbersAsTyped() throws Exception {
        Path file = folder.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Row header = workbook.createSheet("目录").createRow(0);
            header.createCell(0).setCellValue("编码");
            header.createCell(1).setCellValue("价格");
            Row row = workbook.getSheet("目录").createRow(1);
            row.createCell(0).setCellValue(1000101);
            row.createCell(1).setCellValue(268.5);
            workbook.write(out);
        }

        Rows rows = TableFile.read(file, Rows::new, null).done();

        assertThat(rows.format.workbook()).isTrue();
        assertThat(rows.data).containsExactly("2:1000101|268.5");
    }

    @Test
    void filesThatAreNoTableAreRefusedAsAWhole() throws Exception {
        assertThat(refused(new byte[0]).kind()).isEqualTo(FileRefused.Kind.EMPTY);
        assertThat(refused(new byte[] {
                            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0
                        })
                        .kind())
                .isEqualTo(FileRefused.Kind.UNREADABLE);
        assertThat(refused(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}).kind()).isEqualTo(FileRefused.Kind.UNREADABLE);
        assertThat(refused(new byte[] {1, 0, 2, 0, 3, 9, 0, 0, 7}).kind()).isEqualTo(FileRefused.Kind.NOT_TEXT);
        assertThat(refused("标题\n".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(FileRefused.Kind.NO_HEADER);
    }

    private FileRefused refused(byte[] content) throws IOException {
        Path file = Files.createTempFile(folder, "refused", ".bin");
        Files.write(file, content);
        Throwable thrown =
                catchThrowable(() -> TableFile.read(file, Rows::new, null).done());
        assertThat(thrown).isInstanceOf(FileRefused.class);
        return (FileRefused) thrown;
    }

    private Path write(String content, Charset charset) throws IOException {
        Path file = Files.createTempFile(folder, "table", ".csv");
        Files.writeString(file, content, charset);
        return file;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A table whose header holds 编码 (code); its rows as "line:cell|cell". */
    private static final class Rows extends HeaderedRows {
        final TableFile.Format format;
        List<String> header;
        final List<String> data = new ArrayList<>();

        Rows(TableFile.Format format) {
            super(format);
            this.format = format;
        }

        @Override
        public boolean looksLikeHeader(List<String> cells) {
            return isHeader(cells);
        }

        @Override
        protected boolean isHeader(List<String> cells) {
            return cells.stream().map(Headers::key).anyMatch("编码"::equals);
        }

        @Override
        protected void header(long line, List<String> cells) {
            header = cells.stream().map(Headers::written).toList();
        }

        @Override
        protected void data(long line, List<String> cells) {
            data.add(line + ":" + String.join("|", cells));
        }

        @Override
        protected FileRefused noHeader(long candidateLine, List<String> candidate) {
            return new FileRefused(FileRefused.Kind.NO_HEADER, "no header", "没有表头");
        }

        Rows done() throws FileRefused {
            finished();
            return this;
        }
    }
}
