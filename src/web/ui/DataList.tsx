// A list of facts (term and value) in the Utrecht data-list style.
import type { ReactNode } from 'react';

export type DataItem = { key: string; label: string; value: ReactNode };

export function DataList({ items }: { items: DataItem[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows kl-data-list">
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
