/**
 * Spreadsheet files both ways. Written: {@link io.storeops.platform.sheets.SheetTable}s as an
 * Excel workbook or CSV ({@link io.storeops.platform.sheets.SheetFormat}), for downloads and
 * shared folders. Read: a file as sellers download or keep them ({@link
 * io.storeops.platform.sheets.TableFile}: XLSX, or CSV in UTF-8, UTF-16 or GB18030/GBK, comma, tab
 * or semicolon separated), streamed row by row into the {@link io.storeops.platform.sheets.TableRows}
 * a service writes for its own layout (most through {@link io.storeops.platform.sheets.HeaderedRows},
 * which finds the header below title lines); cells read exactly by {@link
 * io.storeops.platform.sheets.CellValues} (money into minor units, never floating point); a file
 * refused as a whole with {@link io.storeops.platform.sheets.FileRefused}, in English and Chinese,
 * naming the column at fault. No service's vocabulary lives here: which headers mean what is the
 * service's.
 */
package io.storeops.platform.sheets;
