export default function Page(): React.ReactNode {
  return <main><h1>cart</h1></main>;
}
