package io.taskhub.sync;

/**
 * A page source whose records the provider keeps as rows of its own tables (a read copy, QuickBooks') instead of
 * importing them as tasks: {@link #map} answers {@link MappedRecord#row}, and the route template read-copy-store
 * stores each page of a type through the type's own SQL statement. Still pure: no Exchange, no database.
 *
 * @param <Q> the provider's request of one page
 */
public interface ReadCopyPages<Q> extends PageSource<Q> {

    /**
     * The classpath resource ({@code sql/...}) of the statement that stores one page of the type: it binds what
     * {@code pageWriter.copyParameters} gives (the rows as JSON in {@code :#rows}) and answers {@code created},
     * {@code updated} and {@code lease_held}.
     */
    String storeStatement(String type);
}
