export default function Page(): React.ReactNode {
  return <main><h1>browse</h1></main>;
}
