import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES, type LogoContentType } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { useId, useState } from "react";
import { type Control, useController } from "react-hook-form";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { useBound } from "../../components/form-field.tsx";
import { apiProblem, trpc } from "../../trpc.ts";

/** The logo as the branding form holds it: a link typed in, or an upload (its id and where it is served). */
export interface LogoChoice {
  logoUrl: string;
  logoAssetId: string | null;
  uploadedSrc: string | null;
}

export const NO_LOGO: LogoChoice = { logoUrl: "", logoAssetId: null, uploadedSrc: null };

/** What the preview shows: the upload, else a link that at least looks like one. */
export const logoPreviewSrc = (logo: LogoChoice) =>
  logo.uploadedSrc ?? (/^https:\/\/\S+$/.test(logo.logoUrl.trim()) ? logo.logoUrl.trim() : null);

const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });

const isLogoType = (type: string): type is LogoContentType =>
  (LOGO_CONTENT_TYPES as readonly string[]).includes(type);

/** The logo's three form values, set together: a link typed in clears an upload and back. */
const useLogo = (
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
  control: Control<LogoChoice, unknown, any>,
) => {
  const url = useBound({ control, name: "logoUrl" });
  const asset = useController({ control, name: "logoAssetId" });
  const src = useController({ control, name: "uploadedSrc" });
  const onChange = (logo: LogoChoice) => {
    url.onChange(logo.logoUrl);
    asset.field.onChange(logo.logoAssetId);
    src.field.onChange(logo.uploadedSrc);
  };
  const uploadedSrc = src.field.value;
  return { url, uploadedSrc, assetError: asset.fieldState.error?.message, onChange };
};

/** A logo by https link or by upload (PNG, JPEG or SVG up to 256 KiB, stored by the API at once). */
export const LogoPicker = ({
  control,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  control: Control<LogoChoice, unknown, any>;
}) => {
  const { url, uploadedSrc, assetError, onChange } = useLogo(control);
  const fileId = useId();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = trpc.whiteLabel.uploadLogo.useMutation({
    onSuccess: (asset) => onChange({ logoUrl: "", logoAssetId: asset.id, uploadedSrc: asset.url }),
  });
  const uploadProblem = apiProblem(upload.error);
  const fileError =
    fileProblem ??
    uploadProblem?.fieldErrors.dataBase64?.[0] ??
    uploadProblem?.fieldErrors.contentType?.[0] ??
    assetError ??
    null;
  const choose = async (file: File | undefined) => {
    setFileProblem(null);
    upload.reset();
    if (!file) return;
    if (!isLogoType(file.type)) return setFileProblem("Choose a PNG, JPEG or SVG image.");
    if (file.size > LOGO_MAX_BYTES) return setFileProblem("The logo must be at most 256 KiB.");
    try {
      upload.mutate({ contentType: file.type, dataBase64: await readAsBase64(file) });
    } catch (error) {
      setFileProblem(error instanceof Error ? error.message : "The file could not be read.");
    }
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-fg">Logo</legend>
      {uploadedSrc ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-line p-3">
          <img src={uploadedSrc} alt="Uploaded logo" className="h-10 w-auto max-w-40 object-contain" />
          <span className="text-sm text-fg-muted">Uploaded file</span>
          <Button variant="secondary" onClick={() => onChange(NO_LOGO)}>
            Remove logo
          </Button>
        </div>
      ) : (
        <Field
          label="Logo URL"
          {...url}
          type="url"
          onChange={(logoUrl) => onChange({ ...NO_LOGO, logoUrl })}
          placeholder="https://"
          hint="An https link to an image you host, or upload a file below. Leave empty for no logo."
        />
      )}
      <div>
        <label htmlFor={fileId} className="block text-sm font-medium text-fg">
          {uploadedSrc ? "Replace with another file" : "Or upload a file"}
        </label>
        <input
          id={fileId}
          type="file"
          accept={LOGO_CONTENT_TYPES.join(",")}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
          aria-invalid={Boolean(fileError)}
          disabled={upload.isPending}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = "";
          }}
          className="mt-1 block w-full text-sm text-fg-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg"
        />
        <p id={`${fileId}-hint`} className="mt-1 text-xs text-fg-muted">
          {upload.isPending
            ? "Uploading…"
            : "PNG, JPEG or SVG, at most 256 KiB. SVGs are cleaned of scripts."}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            {fileError}
          </p>
        )}
        {upload.error && !uploadProblem?.fieldErrors.dataBase64 && !uploadProblem?.fieldErrors.contentType ? (
          <div className="mt-2">
            <ErrorAlert error={upload.error} title="Logo not uploaded" />
          </div>
        ) : null}
      </div>
    </fieldset>
  );
};
