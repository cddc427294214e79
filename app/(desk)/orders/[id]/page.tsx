import type { Metadata } from 'next';
import { requireCapability } from '@/lib/auth/session';
import { OrderView, orderTitle } from './order-view';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await orderTitle(Number((await params).id)) };
}

export default async function OrderPage({ params }: Props) {
  const user = await requireCapability('orders:read');
  return <OrderView id={Number((await params).id)} user={user} />;
}
