import { Tabs as RadixTabs } from "radix-ui";
import type { ReactNode } from "react";

interface TabItem {
  value: string;
  label: string;
  content: ReactNode;
}

/**
 * Tabs on Radix: arrow keys move between tabs, Tab moves into the panel. Only the selected
 * panel is mounted, so a tab's queries run when it is opened. The caller holds the value
 * (e.g. in the URL, so a tab can be linked and survives a reload).
 */
export const Tabs = ({
  label,
  value,
  onValueChange,
  items,
}: {
  /** Names the tab list for screen readers. */
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  items: TabItem[];
}) => (
  <RadixTabs.Root value={value} onValueChange={onValueChange}>
    <RadixTabs.List aria-label={label} className="flex gap-1 relative overflow-x-auto border-b border-line">
      {items.map((item) => (
        <RadixTabs.Trigger
          key={item.value}
          value={item.value}
          className="-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-fg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700 dark:data-[state=active]:border-indigo-400 dark:data-[state=active]:text-indigo-300"
        >
          {item.label}
        </RadixTabs.Trigger>
      ))}
    </RadixTabs.List>
    {items.map((item) => (
      <RadixTabs.Content
        key={item.value}
        value={item.value}
        className="mt-6 space-y-6 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500"
      >
        {item.content}
      </RadixTabs.Content>
    ))}
  </RadixTabs.Root>
);
