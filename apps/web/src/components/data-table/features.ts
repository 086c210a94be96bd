import {
  columnVisibilityFeature,
  createColumnHelper,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

/** What every list table uses: sorting (done by the server) and columns one can hide. */
export const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
export type DataTableFeatures = typeof features;

/** Column definitions for one row type, typed for the features above. */
export const columnHelper = <Row extends RowData>() => createColumnHelper<DataTableFeatures, Row>();
