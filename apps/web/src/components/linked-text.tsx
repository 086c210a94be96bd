import { splitLinks } from "@tessera/domain";

/**
 * Text with its http(s) addresses as links that open in a new tab. The parts are React
 * nodes, never HTML; `nofollow` because anyone with a ticket can write the addresses.
 */
export const LinkedText = ({ text }: { text: string }) =>
  splitLinks(text).map((part, index) =>
    part.kind === "link" ? (
      <a
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
        key={index}
        href={part.href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="text-indigo-700 underline dark:text-indigo-300"
      >
        {part.text}
      </a>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
      <span key={index}>{part.text}</span>
    ),
  );
